// The ledger's payloads are canonical JSON; its users work with `JSONValue` and friends through this module.
@_exported import CanonicalJSON
