/// Word-wraps one paragraph: the first line starts with `first`, the following lines with `rest`;
/// no line is longer than `width` unless a single word is.
func wrap(_ text: String, width: Int = 100, first: String, rest: String) -> [String] {
    var lines: [String] = []
    var line = first
    var lineHasWord = false
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
        if lineHasWord, line.count + 1 + word.count > width {
            lines.append(line)
            line = rest
            lineHasWord = false
        }
        line += (lineHasWord ? " " : "") + word
        lineHasWord = true
    }
    lines.append(line)
    return lines
}
