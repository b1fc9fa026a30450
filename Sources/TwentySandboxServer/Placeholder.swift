// The server arrives here; this file is replaced by the first real one.
