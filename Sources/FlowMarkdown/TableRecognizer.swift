import FlowCore
import FlowProse

/// Recognises GFM pipe tables in the paragraphs libcmark reports.
///
/// Placeholder: returns the paragraph unchanged. The full recognizer follows the GFM spec 0.29.
struct TableRecognizer {
    let source: SourceText
    let file: String

    /// The blocks `paragraph` stands for: a table (and any paragraph text before it), or the paragraph itself.
    func blocks(for paragraph: Paragraph) -> [Block] {
        [.paragraph(paragraph)]
    }
}
