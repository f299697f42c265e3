"""The geometry of the 24-month chart, drawn as inline SVG by ``accountability/_chart.html``.

Bars: letters received each month (left scale). Points joined by a line: the
on-time rate of the letters registered that month (right scale, 0–100 %).
No JavaScript: the server computes every coordinate.
"""

from __future__ import annotations

from dataclasses import dataclass

from emanager.accountability.selectors import Month

WIDTH = 480
HEIGHT = 240
LEFT = 34
RIGHT = 440
TOP = 16
BOTTOM = 204
BAR_SHARE = 0.6


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class MonthLabel:
    x: float
    month: object


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    bars: list[Bar]
    lines: list[str]  # SVG "points" of each run of consecutive months with a rate
    points: list[Point]
    letter_ticks: list[Tick]
    rate_ticks: list[Tick]
    labels: list[MonthLabel]


def _scale_top(largest: int) -> int:
    """A round maximum for the letters scale: 4, 8, 20, 40, 80, 200..."""
    top = 4
    while top < largest:
        for factor in (2, 2.5, 2):
            top = int(top * factor)
            if top >= largest:
                break
    return top


def chart(months: list[Month]) -> Chart:
    slot = (RIGHT - LEFT) / max(len(months), 1)
    scale = _scale_top(max((m.received for m in months), default=0))
    span = BOTTOM - TOP
    bars, points, lines, run = [], [], [], []
    labels = []
    for index, month in enumerate(months):
        centre = LEFT + slot * (index + 0.5)
        if month.received:
            height = span * month.received / scale
            bars.append(
                Bar(
                    x=round(centre - slot * BAR_SHARE / 2, 1),
                    y=round(BOTTOM - height, 1),
                    width=round(slot * BAR_SHARE, 1),
                    height=round(height, 1),
                )
            )
        percent = month.on_time_percent
        if percent is None:
            if len(run) > 1:
                lines.append(" ".join(f"{p.x},{p.y}" for p in run))
            run = []
        else:
            point = Point(x=round(centre, 1), y=round(BOTTOM - span * percent / 100, 1))
            points.append(point)
            run.append(point)
        if month.month.month in (1, 4, 7, 10):
            labels.append(MonthLabel(x=round(centre, 1), month=month.month))
    if len(run) > 1:
        lines.append(" ".join(f"{p.x},{p.y}" for p in run))
    letter_ticks = [
        Tick(y=round(BOTTOM - span * step / 4, 1), label=str(scale * step // 4))
        for step in range(5)
    ]
    rate_ticks = [
        Tick(y=round(BOTTOM - span * step / 4, 1), label=f"{step * 25}%") for step in range(5)
    ]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=RIGHT,
        top=TOP,
        bottom=BOTTOM,
        bars=bars,
        lines=lines,
        points=points,
        letter_ticks=letter_ticks,
        rate_ticks=rate_ticks,
        labels=labels,
    )
