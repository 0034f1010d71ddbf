"""LibreOffice: one headless process for many jobs (process), the jobs it runs for rtdraft (pdf),
and the scripts those jobs are (uno/, run by the Python that has LibreOffice's uno module)."""
