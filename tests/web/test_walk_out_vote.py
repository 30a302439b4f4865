"""After a walk-out, the room asks the parties still at the table whether to go on (rule ``vote``, the
default, as in the simulator): people answer with a form, AI seats go on unless their sheet ``needs``
the party that left (six-party-2007: the DPRK needs the US; the US needs the DPRK and China; the four
others need the DPRK and the US)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.test_api import act, create, view


def test_people_still_seated_are_asked_and_moves_wait_for_their_answers(client: TestClient) -> None:
    created = create(client, people=("PRK", "USA", "CHN", "KOR"))
    session, tokens = created["id"], created["seat_tokens"]
    assert view(client, session, tokens["PRK"])["session"]["walk_out"] == "vote"
    assert act(client, session, tokens["KOR"], {"type": "walk_out"}).status_code == 200
    # JPN and RUS (AI, needing nobody) have said they go on; the three people have yet to answer.
    assert view(client, session, tokens["PRK"])["session"]["vote"] == ["PRK", "USA", "CHN"]
    # Talking is allowed while they decide; moving the text is not.
    assert (
        act(client, session, tokens["CHN"], {"type": "message", "text": "Shall we go on?"}).status_code == 200
    )
    refused = act(client, session, tokens["USA"], {"type": "reserve", "version": 1})
    assert refused.status_code == 409 and "must first say whether they go on" in refused.json()["detail"]
    panel = client.get(f"/room/{session}/panel?token={tokens['USA']}")
    assert 'id="go-on"' in panel.text and 'id="end-talks"' in panel.text
    for seat in ("PRK", "USA", "CHN"):
        assert act(client, session, tokens[seat], {"type": "go_on", "go_on": True}).status_code == 200
    after = view(client, session, tokens["PRK"])["session"]
    assert (after["status"], after["vote"]) == ("open", [])
    assert 'id="go-on"' not in client.get(f"/room/{session}/panel?token={tokens['USA']}").text


def test_one_person_saying_no_ends_the_talks(client: TestClient) -> None:
    created = create(client, people=("PRK", "USA", "CHN", "KOR"))
    session, tokens = created["id"], created["seat_tokens"]
    assert act(client, session, tokens["KOR"], {"type": "walk_out"}).status_code == 200
    assert act(client, session, tokens["USA"], {"type": "go_on", "go_on": True}).status_code == 200
    assert act(client, session, tokens["PRK"], {"type": "go_on", "go_on": False}).status_code == 200
    ended = view(client, session, tokens["CHN"])["session"]
    assert ended["status"] == "failed"
    assert ended["reason"] == "'KOR' walked out and 'PRK' would not go on without it"
    late = act(client, session, tokens["CHN"], {"type": "go_on", "go_on": True})
    assert late.status_code == 409


def test_an_ai_seat_that_needs_the_party_away_ends_the_talks(client: TestClient) -> None:
    created = create(client, people=("PRK", "KOR"))
    session, tokens = created["id"], created["seat_tokens"]
    assert act(client, session, tokens["PRK"], {"type": "walk_out"}).status_code == 200
    ended = view(client, session, tokens["KOR"])["session"]
    assert ended["status"] == "failed"
    assert "'PRK' walked out" in ended["reason"] and "would not go on without it" in ended["reason"]


def test_a_seat_not_asked_cannot_vote_and_go_on_must_be_a_boolean(client: TestClient) -> None:
    created = create(client, people=("PRK", "USA", "CHN", "KOR"))
    session, tokens = created["id"], created["seat_tokens"]
    assert act(client, session, tokens["PRK"], {"type": "go_on", "go_on": True}).status_code == 409
    assert act(client, session, tokens["KOR"], {"type": "walk_out"}).status_code == 200
    assert act(client, session, tokens["KOR"], {"type": "go_on", "go_on": True}).status_code == 409
    assert act(client, session, tokens["PRK"], {"type": "go_on", "go_on": "yes"}).status_code == 422


def test_the_continue_rule_asks_nobody(client: TestClient) -> None:
    created = create(client, people=("PRK", "USA", "CHN", "KOR"), walk_out="continue")
    session, tokens = created["id"], created["seat_tokens"]
    assert act(client, session, tokens["KOR"], {"type": "walk_out"}).status_code == 200
    assert view(client, session, tokens["PRK"])["session"]["vote"] == []


def test_the_form_answer_is_true_or_false_and_nothing_else(client: TestClient) -> None:
    created = create(client, people=("PRK", "USA", "CHN", "KOR"))
    session, tokens = created["id"], created["seat_tokens"]
    assert act(client, session, tokens["KOR"], {"type": "walk_out"}).status_code == 200
    url = f"/room/{session}/act?token={tokens['USA']}"
    refused = client.post(url, data={"type": "go_on", "go_on": "yes"}, follow_redirects=False)
    assert refused.status_code == 422 and "go_on" in refused.text
    assert view(client, session, tokens["USA"])["session"]["vote"] == ["PRK", "USA", "CHN"]  # no answer taken
    kept = client.post(url, data={"type": "go_on", "go_on": "true"}, follow_redirects=False)
    assert kept.status_code == 303
    assert view(client, session, tokens["USA"])["session"]["vote"] == ["PRK", "CHN"]
