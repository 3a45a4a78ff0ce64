extension Array {
    /// The same elements in storage of their size.
    ///
    /// Appending doubles an array's storage as it grows, so up to half of it can be left
    /// unused. A page's model is kept until the process ends, and on 10,000 pages such slack in
    /// bodies, screens and choices came to tens of megabytes.
    var withoutSpareCapacity: [Element] {
        capacity > count ? withUnsafeBufferPointer { Array($0) } : self
    }
}
