"""WordprocessingML and its package, below both the writer and the importer: elements python-docx
does not write, the untrusted package read part by part, tracked changes, the deterministic zip
and the build-time reference document. References are to ECMA-376."""
