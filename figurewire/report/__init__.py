"""`figurewire report`: one self-contained HTML page of charts showing how outlets' figures differ.

``write_report(warehouse_path, out_path)`` is what the CLI and the ``figurewire_report`` DAG call.
"""

from figurewire.report.page import write_report

__all__ = ["write_report"]
