"""Personal data exposed in a page or attachment (`privacy_leak`): ID numbers, mobiles, bank cards.

Only what a validator confirms counts: an 18-digit citizen ID must have a real province code,
a real birth date and the GB 11643 check digit; a bank card must pass the Luhn check and be
named as a card or account; a mobile number must be a whole 11-digit number in a mobile
range, not one given as a contact or service line. Masked forms (138****5678) never match.
Evidence shows every value masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])([1-9]\d{5})((?:19|20)\d{2})(\d{2})(\d{2})(\d{3}[0-9Xx])(?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![0-9A-Za-z])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?![0-9A-Za-z*＊])")
CARD = re.compile(r"(?<![0-9A-Za-z])((?:\d[ -]?){15,18}\d)(?![0-9A-Za-z])")
# GB/T 2260: the province-level codes an ID number can start with
PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
             53, 54, 61, 62, 63, 64, 65, 71, 81, 82}
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"
# a number the sender gives the public to call (咨询电话, 联系人：…), not a citizen's own (我的联系电话)
CONTACT = re.compile(r"(咨询|服务|举报|监督|投诉|值班|办公|热线|受理|报名|客服|应急)(电话|热线|手机|号码|方式)|联系人")
CARD_WORDS = re.compile(r"卡号|银行卡|一卡通|社保卡|存折|银行账号|账号|帐号|收款账户|个人账户|银行|信用社|农商行")
ORGANISATION_ACCOUNT = re.compile(r"对公|单位账户|基本账户|财政|国库|户名[:：]?\s*[\u4e00-\u9fff]{2,30}(局|委|办|中心|政府|公司|医院|学校|银行|所|院|会)")


@dataclass(frozen=True, slots=True)
class Leak:
    kind: str  # id_card | mobile | bank_card
    start: int
    end: int
    masked: str


def valid_id(number: str, today: date | None = None) -> bool:
    if len(number) != 18 or int(number[:2]) not in PROVINCES:
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if born > (today or date.today()) or born.year < 1900:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], WEIGHTS))
    return CHECK[total % 11] == number[17].upper()


def luhn(digits: str) -> bool:
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def mask(value: str, keep_start: int, keep_end: int) -> str:
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[len(value) - keep_end:]


def find_leaks(text: str) -> list[Leak]:
    leaks: list[Leak] = []
    taken: list[tuple[int, int]] = []
    for match in ID_NUMBER.finditer(text):
        number = match.group(0)
        if valid_id(number):
            leaks.append(Leak("id_card", match.start(), match.end(), mask(number, 6, 4)))
            taken.append(match.span())
    for match in CARD.finditer(text):
        digits = re.sub(r"[ -]", "", match.group(1))
        if not 16 <= len(digits) <= 19 or _inside(match.span(), taken) or not luhn(digits):
            continue
        before = text[max(0, match.start() - 40):match.start()]
        after = text[match.end():match.end() + 16]  # a list's next cell: 开户银行
        if (CARD_WORDS.search(before[-16:]) or CARD_WORDS.search(after)) and not ORGANISATION_ACCOUNT.search(before):
            leaks.append(Leak("bank_card", match.start(), match.end(), mask(digits, 4, 4)))
            taken.append(match.span())
    for match in MOBILE.finditer(text):
        if _inside(match.span(), taken):
            continue
        if CONTACT.search(text[max(0, match.start() - 24):match.start()]) or CONTACT.search(text[match.end():match.end() + 8]):
            continue  # a contact line for the public (before it or in brackets after): meant to be called
        number = "".join(match.groups())
        leaks.append(Leak("mobile", match.start(), match.end(), mask(number, 3, 4)))
    return sorted(leaks, key=lambda leak: leak.start)


def _inside(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in taken)
