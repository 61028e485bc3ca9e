"""The package version, which is also the version of the newest data release it ships."""

__version__ = "0.45.0"
