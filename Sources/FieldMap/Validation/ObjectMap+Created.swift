extension ObjectMap {
    /// The custom object the map creates for this source object: a new object's, or a junction's; nil otherwise.
    public var createdObject: NewObject? {
        switch disposition {
        case .newObject(let object): object
        case .junction(let junction): junction.object
        case .existing, .skip: nil
        }
    }

    /// The `nameSingular` of the Twenty object the records are written to: the created object's, else the target.
    public var twentyObject: String { createdObject?.nameSingular ?? target }
}
