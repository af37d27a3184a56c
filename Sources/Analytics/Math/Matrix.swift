#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A small dense square matrix, row-major: what the Cox information matrix, the log-rank variance
/// and the multi-state intensities need (a handful of rows), nothing more.
public struct Matrix: Sendable, Equatable {
    public let n: Int
    public var values: [Double]

    public init(n: Int, values: [Double]) {
        precondition(values.count == n * n, "a matrix of \(n) rows needs \(n * n) values")
        self.n = n
        self.values = values
    }

    public static func zero(_ n: Int) -> Matrix { Matrix(n: n, values: Array(repeating: 0, count: n * n)) }

    public static func identity(_ n: Int) -> Matrix {
        var m = zero(n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    public subscript(i: Int, j: Int) -> Double {
        get { values[i * n + j] }
        set { values[i * n + j] = newValue }
    }

    public var rows: [[Double]] { (0..<n).map { Array(values[($0 * n)..<($0 * n + n)]) } }

    public static func * (a: Matrix, b: Matrix) -> Matrix {
        var c = zero(a.n)
        for i in 0..<a.n {
            for k in 0..<a.n {
                let x = a[i, k]
                if x == 0 { continue }
                for j in 0..<a.n { c.values[i * a.n + j] += x * b.values[k * a.n + j] }
            }
        }
        return c
    }

    public static func + (a: Matrix, b: Matrix) -> Matrix {
        Matrix(n: a.n, values: zip(a.values, b.values).map { $0 + $1 })
    }

    public func scaled(_ s: Double) -> Matrix { Matrix(n: n, values: values.map { $0 * s }) }

    /// The inverse by Gauss-Jordan elimination with partial pivoting; nil when singular.
    public func inverse() -> Matrix? {
        var a = self, inv = Matrix.identity(n)
        for col in 0..<n {
            var pivot = col
            for r in (col + 1)..<max(col + 1, n) where abs(a[r, col]) > abs(a[pivot, col]) { pivot = r }
            let p = a[pivot, col]
            if abs(p) < 1e-300 || !p.isFinite { return nil }
            if pivot != col {
                for j in 0..<n {
                    a.values.swapAt(col * n + j, pivot * n + j)
                    inv.values.swapAt(col * n + j, pivot * n + j)
                }
            }
            for j in 0..<n {
                a[col, j] /= p
                inv[col, j] /= p
            }
            for r in 0..<n where r != col {
                let f = a[r, col]
                if f == 0 { continue }
                for j in 0..<n {
                    a[r, j] -= f * a[col, j]
                    inv[r, j] -= f * inv[col, j]
                }
            }
        }
        return inv
    }

    /// exp(self) by scaling and squaring of a Taylor series: the matrix is halved until its norm is
    /// below 1/4, 14 terms are summed (truncation error below 1e-17), then the result is squared back.
    public func exponential() -> Matrix {
        var norm = 0.0
        for i in 0..<n {
            var row = 0.0
            for j in 0..<n { row += abs(self[i, j]) }
            norm = max(norm, row)
        }
        var squarings = 0
        var scale = 1.0
        while norm * scale > 0.25 {
            scale /= 2
            squarings += 1
        }
        let a = scaled(scale)
        var result = Matrix.identity(n), term = Matrix.identity(n)
        for k in 1...14 {
            term = (term * a).scaled(1 / Double(k))
            result = result + term
        }
        for _ in 0..<squarings { result = result * result }
        return result
    }
}
