// Tests arrive here; replaced by the first real test file.
