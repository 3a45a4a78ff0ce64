/// The fields of a value, shared by its copies until one of them changes (copy-on-write).
///
/// ``Flow`` and ``Step`` keep their fields in one: rules, renderers and lookups copy pages and
/// steps in every loop, and a copy then costs one reference count instead of one for each of
/// their strings and arrays. The box is only written through a unique reference
/// (``makeUnique(_:)``), so sharing it between tasks is safe, and its accesses skip Swift's
/// run-time exclusivity checks, which cost a sixth of a build.
@usableFromInline final class CopyOnWriteBox<Fields: Sendable>: @unchecked Sendable {
    @usableFromInline @exclusivity(unchecked) var fields: Fields

    @usableFromInline init(_ fields: Fields) {
        self.fields = fields
    }

    /// Gives `box` a copy of its own before a field changes, unless it is the only reference.
    @inlinable static func makeUnique(_ box: inout CopyOnWriteBox) {
        if !isKnownUniquelyReferenced(&box) { box = CopyOnWriteBox(box.fields) }
    }
}
