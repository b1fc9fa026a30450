// Transforms arrive here; this file is replaced by the first real one.
