/// The data of a chart as an HTML table (class `figure-data`), the text alternative to place under
/// or beside the SVG (a `<details>` works without JavaScript). Every cell is escaped.
public struct DataTable: Sendable, Hashable {
    public enum Cell: Sendable, Hashable {
        case text(String)
        /// A number shown with at most two decimals, right-aligned.
        case number(Double)
        case empty
    }

    public var caption: String
    public var headers: [String]
    public var rows: [[Cell]]

    public init(caption: String, headers: [String], rows: [[Cell]]) {
        self.caption = caption
        self.headers = headers
        self.rows = rows
    }

    public var html: String {
        var out = "<table class=\"figure-data\">\n<caption>\(SVG.escape(caption))</caption>\n<thead><tr>"
        out += headers.map { "<th scope=\"col\">\(SVG.escape($0))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>" + row.map { cell in
                switch cell {
                case .text(let s): "<td>\(SVG.escape(s))</td>"
                case .number(let x): "<td class=\"number\">\(SVG.number(x))</td>"
                case .empty: "<td></td>"
                }
            }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
