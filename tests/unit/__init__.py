"""Unit tests of the ``lint`` modules, each module tested directly."""
