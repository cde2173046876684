"""Format checks jsonschema leaves loose or to optional packages, written as the registry's engine checks them,
so a record the registry would refuse for its format is not passed locally: ``email`` (RFC 5321 mailbox: dot-atom
or quoted local part of at most 64 octets, then a host name or an address literal; jsonschema's own only looks for
an ``@``), ``hostname`` (RFC 1123 labels), ``date-time`` (RFC 3339, which jsonschema checks only when
``rfc3339-validator`` is installed) and ``date`` (RFC 3339 full-date; older jsonschema uses ``date.fromisoformat``,
which on Python 3.11 takes ``20251206`` too)."""

import datetime
import ipaddress
import re

_ATEXT = r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+"
_LOCAL = re.compile(r'(?:%s(?:\.%s)*|"(?:[ !#-\[\]-~]|\\[ -~])*")\Z' % (_ATEXT, _ATEXT))
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\Z")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z")
_DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))\Z")


def is_hostname(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not value or len(value) > 253 + (1 if value.endswith(".") else 0):
        return False
    labels = value[:-1].split(".") if value.endswith(".") else value.split(".")
    return all(_LABEL.match(label) for label in labels)


def is_email(value: object) -> bool:
    if not isinstance(value, str):
        return True
    at = value.rfind("@")
    if at <= 0 or at == len(value) - 1:
        return False
    local, domain = value[:at], value[at + 1:]
    if len(local.encode("utf-8")) > 64 or not _LOCAL.match(local):
        return False
    if domain.startswith("[") and domain.endswith("]"):
        literal = domain[1:-1]
        try:
            if literal.lower().startswith("ipv6:"):
                ipaddress.IPv6Address(literal[5:])
            else:
                ipaddress.IPv4Address(literal)
        except ValueError:
            return False
        return True
    return not domain.endswith(".") and is_hostname(domain)


def is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    match = _DATE.match(value)
    if match is None:
        return False
    try:
        datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return False
    return True


def is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    match = _DATE_TIME.match(value)
    if match is None:
        return False
    year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    if hour > 23 or minute > 59 or second > 60:
        return False
    if match.group(7) and (int(match.group(8)) > 23 or int(match.group(9)) > 59):
        return False
    return True


def checker(jsonschema_module):  # type: ignore[no-untyped-def]
    """A jsonschema FormatChecker with every format it knows, and the ones above in place of its own."""
    result = jsonschema_module.FormatChecker()
    for name, check in (("email", is_email), ("hostname", is_hostname), ("date-time", is_date_time),
                        ("date", is_date)):
        result.checks(name)(check)
    return result
