"""Package data (translations) read through importlib.resources after a normal install."""
