"""The outline the growth benchmarks fill with one long paragraph (`{paragraph}`, a YAML
scalar), shared by lint_growth.py and redline_growth.py."""

OUTLINE = """\
rtdraft: 1
meeting:
  title: Spring 2021 Law Enforcement Roundtable on Drugs
  host: Public Safety Canada
  dates: 2021-03-29
publication:
  department: Public Safety Canada
introduction:
  body:
    - {paragraph}
sessions:
  - title: Trends
    body:
      - Trends were discussed.
outcomes:
  items:
    - Partners agreed to meet again.
conclusion:
  body:
    - The event concluded.
"""
