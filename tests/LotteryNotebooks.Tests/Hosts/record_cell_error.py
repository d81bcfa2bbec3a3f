# nbconvert configuration used by JupyterHost (tests/LotteryNotebooks.Tests/Hosts).
# nbconvert stops at the first failing cell and prints only the error's name and value, which for a
# C# compilation error is just "compilation error": the compiler's messages are in the cell's stderr
# stream. This hook writes the failing cell (index, source, all its outputs) as JSON to the file named
# by LOTTERY_CELL_ERROR_FILE, so that the test can report the notebook, the cell and the real error.
import json
import os


def _record_cell_error(cell, cell_index, execute_reply):
    path = os.environ.get("LOTTERY_CELL_ERROR_FILE")
    if not path:
        return
    with open(path, "w", encoding="utf-8") as f:
        json.dump(
            {
                "cell_index": cell_index,
                "source": cell.source,
                "outputs": cell.outputs,
                "reply": execute_reply.get("content", {}),
            },
            f,
            default=str,
        )


c.ExecutePreprocessor.on_cell_error = _record_cell_error  # noqa: F821 (c is the traitlets config)
