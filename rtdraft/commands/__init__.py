"""The jobs behind the commands that are more than one call: publish (render), preview, redline,
compare, new and docs. Each takes values and returns values or raises an error of errors.py;
only cli prints."""
