internal import CCmark
import FlowCore
import FlowProse

/// Walks a libcmark tree with `cmark_iter` and an explicit stack (no recursion, so deep
/// nesting cannot overflow the stack) and builds ``FlowProse`` values.
struct TreeConverter {
    let source: SourceText
    let file: SourceFile
    let maximumNesting: Int
    private(set) var wasFlattened = false

    /// A container being built: its node's data and the children converted so far.
    private struct Frame {
        var node: OpaquePointer
        var blocks: [Block] = []
        var inlines: [Inline] = []
        var items: [ListItem] = []
    }

    init(source: SourceText, file: SourceFile, maximumNesting: Int) {
        self.source = source
        self.file = file
        self.maximumNesting = maximumNesting
    }

    /// Converts the document node `root` and returns its blocks.
    mutating func convert(_ root: OpaquePointer) -> [Block] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var stack: [Frame] = []
        var flattened: Set<OpaquePointer> = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            // libcmark sends ENTER and EXIT for every container, even an empty one (`#`, `-`), and ENTER only for leaves.
            if Self.isContainer(type) {
                if event == CMARK_EVENT_ENTER {
                    if stack.count > maximumNesting, Self.isFlattenable(type) {
                        flattened.insert(node)
                        wasFlattened = true
                    } else {
                        stack.append(Self.frame(for: node, type: type))
                    }
                    continue
                }
                // Hashing every container's pointer on exit cost more than the rest of the walk.
                if !flattened.isEmpty, flattened.remove(node) != nil { continue }
                guard let frame = stack.popLast() else { continue }
                if stack.isEmpty { return frame.blocks }
                attach(finish(frame), to: &stack[stack.count - 1])
            } else if event == CMARK_EVENT_ENTER, !stack.isEmpty {
                attach(leaf(node, type: type), to: &stack[stack.count - 1])
            }
        }
        return stack.first?.blocks ?? []
    }

    /// A frame for the container `node`, with room for as many children as it has: growing
    /// the arrays one append at a time was a fifth of the parser's allocations.
    private static func frame(for node: OpaquePointer, type: cmark_node_type) -> Frame {
        var count = 0
        var child = cmark_node_first_child(node)
        while let current = child {
            count += 1
            child = cmark_node_next(current)
        }
        var frame = Frame(node: node)
        switch type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK,
            CMARK_NODE_IMAGE, CMARK_NODE_CUSTOM_INLINE:
            frame.inlines.reserveCapacity(count)
        case CMARK_NODE_LIST: frame.items.reserveCapacity(count)
        default: frame.blocks.reserveCapacity(count)
        }
        return frame
    }

    /// Whether nodes of `type` have children (libcmark sends ENTER and EXIT for them).
    ///
    /// A `switch` rather than a `Set`: hashing each node's type was a tenth of the walk.
    private static func isContainer(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_PARAGRAPH,
            CMARK_NODE_HEADING, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE,
            CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
            true
        default: false
        }
    }

    /// Whether containers of `type` are flattened into their parent beyond the nesting limit.
    private static func isFlattenable(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_EMPH, CMARK_NODE_STRONG,
            CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
            true
        default: false
        }
    }

    /// A converted node, block or inline or list item, on its way to its parent.
    private enum Converted {
        case block(Block)
        case blocks([Block])
        case inline(Inline)
        case inlines([Inline])
        case item(ListItem)
        case none
    }

    private func attach(_ converted: Converted, to frame: inout Frame) {
        switch converted {
        case .block(let block): frame.blocks.append(block)
        case .blocks(let blocks): frame.blocks += blocks
        case .inline(let inline): frame.inlines.append(inline)
        case .inlines(let inlines): frame.inlines += inlines
        case .item(let item):
            if cmark_node_get_type(frame.node) == CMARK_NODE_LIST {
                frame.items.append(item)
            } else {
                frame.blocks += item.blocks
            }
        case .none: break
        }
    }

    private func finish(_ frame: Frame) -> Converted {
        let node = frame.node
        let range = self.range(of: node)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            let paragraph = Paragraph(inlines: frame.inlines, range: range)
            let recognizer = TableRecognizer(source: source, file: file)
            guard recognizer.mayHoldTable(paragraph) else { return .block(.paragraph(paragraph)) }
            return .blocks(recognizer.blocks(for: paragraph))
        case CMARK_NODE_HEADING:
            return .block(
                .heading(Heading(level: Int(cmark_node_get_heading_level(node)), inlines: frame.inlines, range: range))
            )
        case CMARK_NODE_BLOCK_QUOTE:
            return .block(.blockQuote(BlockQuote(blocks: frame.blocks, range: range)))
        case CMARK_NODE_LIST:
            let list = ListBlock(
                isOrdered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                isTight: cmark_node_get_list_tight(node) != 0,
                items: frame.items,
                range: range
            )
            return .block(.list(list))
        case CMARK_NODE_ITEM:
            var number: Int?
            if let parent = cmark_node_parent(node), cmark_node_get_list_type(parent) == CMARK_ORDERED_LIST, let range {
                number = source.orderedListNumber(line: range.start.line, column: range.start.column)
            }
            let blocks = frame.inlines.isEmpty ? frame.blocks : frame.blocks + frame.inlines.map(Self.wrap)
            return .item(ListItem(number: number, blocks: blocks, range: range))
        case CMARK_NODE_EMPH: return .inline(.emphasis(frame.inlines, range))
        case CMARK_NODE_STRONG: return .inline(.strong(frame.inlines, range))
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let link = Inline.Link(
                destination: string(cmark_node_get_url(node)),
                title: string(cmark_node_get_title(node)),
                children: frame.inlines,
                range: range
            )
            return .inline(cmark_node_get_type(node) == CMARK_NODE_LINK ? .link(link) : .image(link))
        case CMARK_NODE_CUSTOM_INLINE: return .inlines(frame.inlines)
        default:
            return frame.inlines.isEmpty ? .blocks(frame.blocks) : .inlines(frame.inlines)
        }
    }

    private static func wrap(_ inline: Inline) -> Block {
        .paragraph(Paragraph(inlines: [inline], range: inline.range))
    }

    private func leaf(_ node: OpaquePointer, type: cmark_node_type) -> Converted {
        let range = self.range(of: node)
        switch type {
        case CMARK_NODE_TEXT: return .inline(.text(literal(node), range))
        case CMARK_NODE_SOFTBREAK: return .inline(.softBreak)
        case CMARK_NODE_LINEBREAK: return .inline(.lineBreak)
        case CMARK_NODE_CODE: return .inline(.code(literal(node), range))
        case CMARK_NODE_HTML_INLINE: return .inline(.html(literal(node), range))
        case CMARK_NODE_CODE_BLOCK:
            let info = string(cmark_node_get_fence_info(node))
            let isFenced = Self.isFenced(source.line(range?.start.line ?? 0), column: range?.start.column ?? 1)
            return .block(.codeBlock(CodeBlock(info: info, code: literal(node), isFenced: isFenced, range: range)))
        case CMARK_NODE_HTML_BLOCK: return .block(.htmlBlock(HTMLBlock(html: literal(node), range: range)))
        case CMARK_NODE_THEMATIC_BREAK: return .block(.thematicBreak(range))
        default: return .none
        }
    }

    /// Whether the code block starting at `column` of `line` opens with a fence (``` or ~~~).
    private static func isFenced(_ line: ArraySlice<UInt8>, column: Int) -> Bool {
        let rest = line.dropFirst(max(0, column - 1)).drop { $0 == UInt8(ascii: " ") }
        return rest.first == UInt8(ascii: "`") || rest.first == UInt8(ascii: "~")
    }

    private func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func range(of node: OpaquePointer) -> SourceRange? {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        guard line > 0, column > 0 else { return nil }
        let endLine = Int(cmark_node_get_end_line(node))
        let endColumn = Int(cmark_node_get_end_column(node))
        return SourceRange(
            file: file,
            line: line,
            column: column,
            endLine: endLine > 0 ? endLine : line,
            endColumn: endColumn > 0 ? endColumn : column
        )
    }
}
