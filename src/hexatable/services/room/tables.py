"""The room's tables (SQLAlchemy 2). A session is an append-only log of events; nothing else
about its progress is stored, so its state is always the fold of its log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Integer, String, UniqueConstraint, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class SessionRow(Base):
    """A negotiation session: which scenario, which mechanism, and its fixed rules."""

    __tablename__ = "room_session"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    case: Mapped[str] = mapped_column(String(500))
    scenario: Mapped[str] = mapped_column(String(120))
    mechanism: Mapped[str] = mapped_column(String(40))
    chair: Mapped[str] = mapped_column(String(120))
    max_drafts: Mapped[int] = mapped_column(Integer)
    walk_out: Mapped[str] = mapped_column(String(20))
    chair_strategy: Mapped[str] = mapped_column(String(40), default="hill-climb")
    deadline_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    seats: Mapped[list[SeatRow]] = relationship(back_populates="session", order_by="SeatRow.position")


class SeatRow(Base):
    """A seat of a session: a person (holding a token) or an AI delegate (with a strategy).
    Observers are rows with ``seat`` NULL."""

    __tablename__ = "room_seat"
    __table_args__ = (UniqueConstraint("session_id", "seat"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("room_session.id", ondelete="CASCADE"), index=True)
    seat: Mapped[str | None] = mapped_column(String(120), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))  # person | ai | observer
    strategy: Mapped[str | None] = mapped_column(String(40), nullable=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)

    session: Mapped[SessionRow] = relationship(back_populates="seats")


class EventRow(Base):
    """One accepted event of a session's log, numbered from 1 without gaps."""

    __tablename__ = "room_event"
    __table_args__ = (UniqueConstraint("session_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("room_session.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ClassRow(Base):
    """A class: several tables (sessions) of one scenario run together by one instructor.

    The tables are ordinary sessions; a class only groups them (:class:`ClassTableRow`) so the
    instructor's console can show them at once and export their results together."""

    __tablename__ = "room_class"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    case: Mapped[str] = mapped_column(String(500))
    scenario: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    tables: Mapped[list[ClassTableRow]] = relationship(order_by="ClassTableRow.number")


class ClassTableRow(Base):
    """Table ``number`` (from 1) of a class is the session ``session_id``."""

    __tablename__ = "room_class_table"
    __table_args__ = (UniqueConstraint("class_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    class_id: Mapped[str] = mapped_column(ForeignKey("room_class.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    session_id: Mapped[str] = mapped_column(ForeignKey("room_session.id", ondelete="CASCADE"), unique=True)
