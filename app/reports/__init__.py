"""PDF renderers: plain data in, bytes out. Nothing here reads the database, so a renderer can
print only what the service chose to give it."""

import os

from reportlab import rl_config

# reportlab validates every attribute set on a chart shape, which is a third of drawing the
# board report's charts; ours are set in code and every chart is drawn by the tests. It is
# read when reportlab.graphics is first imported, so it is set here, before app.reports.board.
# RL_shapeChecking=1 in the environment keeps the checks (reportlab's own switch).
if "RL_shapeChecking" not in os.environ:
    rl_config.shapeChecking = 0
