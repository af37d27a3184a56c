import Crypto
import Figures
import FoundationEssentials
import Hummingbird

/// The style sheet and scripts of the pages, compiled into the binary (no checkout needed at run
/// time, no CDN) and served under `/static/` with an ETag and a day of caching.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        let contentType: String
        let body: ByteBuffer
        let etag: String
    }

    static let cacheControl = "public, max-age=86400"

    let assets: [String: Asset]

    init() {
        var assets: [String: Asset] = [:]
        for (name, contentType, text) in [("ossify.css", "text/css; charset=utf-8", StyleSheet.text + "\n" + FigureStyles.source),
                                          ("hpo-autocomplete.js", "text/javascript; charset=utf-8", AutocompleteScript.text),
                                          ("bodymap.js", "text/javascript; charset=utf-8", BodyMapScript.source),
                                          ("import-file.js", "text/javascript; charset=utf-8", ImportFileScript.text)] {
            let digest = SHA256.hash(data: Data(text.utf8)).prefix(8).map { byte in
                let s = String(byte, radix: 16)
                return s.count == 1 ? "0" + s : s
            }.joined()
            assets[name] = Asset(contentType: contentType, body: ByteBuffer(string: text), etag: "\"\(digest)\"")
        }
        self.assets = assets
    }

    /// The asset `name`, 304 when the client's copy is current, 404 for any other name.
    func response(_ name: String, ifNoneMatch: String?) throws -> Response {
        guard let asset = assets[name] else { throw Problem(status: .notFound, title: "Not Found", detail: "no such file") }
        var headers: HTTPFields = [.contentType: asset.contentType, .cacheControl: Self.cacheControl, .eTag: asset.etag]
        if ifNoneMatch == asset.etag {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(asset.body.readableBytes)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: asset.body))
    }
}
