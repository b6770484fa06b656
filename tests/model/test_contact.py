"""An applicant's e-mail address and phone number are checked: a typo is a warning by name."""

from __future__ import annotations

import pytest

from planner.model.contact import email_problem, phone_problem
from planner.model.proposal import Applicant, Proposal
from planner.model.validate import validate_proposal


@pytest.mark.parametrize("text", ["", "liming@example.cn", "li.ming+nsfc@mail.tsinghua.edu.cn"])
def test_good_email(text: str) -> None:
    assert email_problem(text) == ""


@pytest.mark.parametrize(
    "text", ["liming@example", "liming", "li ming@example.cn", "a@@b.cn", "a@b..cn", "@b.cn"]
)
def test_bad_email(text: str) -> None:
    assert email_problem(text) == f"'{text}' is not an e-mail address"


def test_full_width_at_is_named() -> None:
    assert "full-width" in email_problem("liming＠example.cn")


@pytest.mark.parametrize(
    "text", ["", "13800138000", "138 0013 8000", "+86 138-0013-8000", "010-62781234",
             "(0571) 8888 8888", "010-62781234 转 123", "0755-86001234 ext. 9"],
)  # fmt: skip
def test_good_phone(text: str) -> None:
    assert phone_problem(text) == ""


@pytest.mark.parametrize("text", ["138001380", "abc", "12345", "13800138000a", "邮箱见上"])
def test_bad_phone(text: str) -> None:
    assert phone_problem(text).startswith(f"'{text}' is not a phone number")


def test_a_mobile_number_missing_a_digit_says_why() -> None:
    assert phone_problem("1380013800").endswith("a mobile number has 11 digits")


def test_validate_warns_about_both_with_codes(call) -> None:
    proposal = Proposal(applicant=Applicant(email=" liming@example ", phone="138001380"))
    problems = {p.code: p for p in validate_proposal(proposal, call)}
    email, phone = problems["bad_email"], problems["bad_phone"]
    assert (email.severity, email.field, email.params) == (
        "warning", "applicant.email", {"value": "liming@example"}
    )  # fmt: skip
    assert email.describe() == (
        "warning: applicant.email: 'liming@example' is not an e-mail address"
    )
    assert (phone.field, phone.params) == ("applicant.phone", {"value": "138001380"})


def test_good_contact_details_give_no_warning(call) -> None:
    proposal = Proposal(applicant=Applicant(email="liming@example.cn", phone="13800138000"))
    codes = {p.code for p in validate_proposal(proposal, call)}
    assert not codes & {"bad_email", "bad_phone"}
