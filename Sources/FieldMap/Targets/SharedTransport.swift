// The HTTP transport moved to TwentyClient; the assist uses it as before, so the field map re-exports it rather than
// keep a second copy.
@_exported import TwentyClient
