"""What the tests share: outlines and examples, the command-line runner, readers of the
rendered files, hypothesis strategies. A test imports from here, never from another test."""
