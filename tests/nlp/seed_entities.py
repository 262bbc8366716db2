"""Gold list: the people, organisations and places named in the five cleaned demo articles.

Written by reading each cleaned text (what the NLP stage analyses). One entry per distinct
name per article (the first exact surface form as it occurs in the text), typed PER, ORG or LOC.

Conventions (CoNLL-2003 style):

* PER people; ORG organisations, including militias, news agencies (AFP, Efe) and think tanks;
  LOC countries, cities, regions and named places. A country name used for its government
  ("Iraq", "Iran", "US", "Washington", "Tehran") stays LOC, and so does "White House", which
  CoNLL-2003 annotates as a location every time (11 of 11 in its training set).
* Nationality and group adjectives ("Iraqi", "Iranian", "American", "Shiite", "Kurds") are not
  listed: they are MISC at most, which this list does not cover. Neither are "Covid-19" nor the
  lower-case descriptions "the Islamic republic" (Iran) and "green zone" (000).
* Titles ("Prime Minister", "President-elect", "Major-General", "Secretary of Defense") are not
  part of a name.
* A shorter form (e.g. "Kadhemi", "Soleimani", "Hashed") is listed only when it also occurs on
  its own, not merely inside the longer form. Possessives are covered by the bare form
  ("Iraq’s" -> "Iraq"); hyphen compounds ("US-led", "Iran-US", "pro-Tehran") are not counted as
  separate occurrences.
* Every string occurs verbatim in the cleaned text (curly apostrophes included: "Kata’ib").

NOT_ENTITIES holds strings present in a cleaned text that must not be tagged PER, ORG or LOC.
The cleaned texts carry no photo credits, captions, bylines or navigation any more (those were
in the raw pile files only), so what is left is day and month names.
"""

from __future__ import annotations

SEED_ENTITIES: dict[str, list[tuple[str, str]]] = {
    # 000 (9054cba9a6ef5cf5) - EFE: a year after Soleimani's assassination, Iraq remains caught
    # in the crossfire between the US and Iran.
    # Left out: "Iraq Initiative" (an Atlantic Council programme; whether it is an ORG or not is
    # unclear, and "Iraq" alone is listed anyway); "Baghdad airport" (lower-case "airport", a
    # description; "Baghdad" is listed); "green zone" (lower case here).
    "000": [
        ("Qasem Soleimani", "PER"),
        ("United States", "LOC"),
        ("Baghdad", "LOC"),
        ("Iraq", "LOC"),
        ("US", "LOC"),
        ("Iran", "LOC"),
        ("Joe Biden", "PER"),
        ("White House", "LOC"),  # CoNLL-2003 tags it LOC (11 of 11 in train)
        ("Soleimani", "PER"),
        ("Damascus", "LOC"),
        ("Popular Mobilization", "ORG"),
        ("Abu Mahdi al-Mohandes", "PER"),
        ("Abbas Kadhim", "PER"),
        ("Atlantic Council", "ORG"),
        ("Kadhim", "PER"),
        ("Efe", "ORG"),
        ("Biden", "PER"),
        ("Washington", "LOC"),
        ("Kata’ib Hezbollah", "ORG"),
        ("Mohammed Mohy", "PER"),
        ("KH", "ORG"),
    ],
    # 001 (d1abb210bae0d6db) - AFP: one year after the US killed Iran's general, tensions boil
    # between Iraqi PM Kadhemi and pro-Tehran factions.
    # Left out: "Islamic republic" (lower-case description of Iran).
    "001": [
        ("Iran", "LOC"),
        ("Iraq", "LOC"),
        ("Washington", "LOC"),
        ("Tehran", "LOC"),
        ("Baghdad", "LOC"),
        ("US", "LOC"),
        ("Donald Trump", "PER"),
        ("Qasem Soleimani", "PER"),
        ("Trump", "PER"),
        ("White House", "LOC"),  # CoNLL-2003 tags it LOC (11 of 11 in train)
        ("United States", "LOC"),
        ("Saddam Hussein", "PER"),
        ("Mustafa al-Kadhemi", "PER"),
        ("Asaib Ahl al-Haq", "ORG"),
        ("AAH", "ORG"),
        ("Hashed al-Shaabi", "ORG"),
        ("Kadhemi", "PER"),
        ("Soleimani", "PER"),
        ("Revolutionary Guards", "ORG"),
        ("Hashed", "ORG"),
        ("Abu Mahdi al-Muhandis", "PER"),
        ("Kataeb Hezbollah", "ORG"),
        ("Sajad Jiyad", "PER"),
        # "The" is part of the think tank's own name.
        ("The Century Foundation", "ORG"),
        ("AFP", "ORG"),
        ("Jiyad", "PER"),
        ("Abu Jihad al-Hashemi", "PER"),
        ("Joe Biden", "PER"),
    ],
    # 002 (5d883f8f028c8af1) - The Independent (Patrick Cockburn): Soleimani's assassination is
    # likely to weaken Trump's hand in Iraq.
    # Left out: "Baghdad airport" (lower-case "airport"; "Baghdad" is listed).
    "002": [
        ("Qassem Soleimani", "PER"),
        ("Baghdad", "LOC"),
        ("US", "LOC"),
        ("Iran", "LOC"),
        ("Iraq", "LOC"),
        ("Soleimani", "PER"),
        ("Abu Mahdi al-Muhandis", "PER"),
        ("Kata’ib Hezbollah", "ORG"),
        ("Green Zone", "LOC"),
        ("Washington", "LOC"),
        ("Tehran", "LOC"),
    ],
    # 003 (88f1e84414cbd837) - "Iraqi-U.S. Ties Reach a Breaking Point": Iraq's parliament votes
    # to expel US troops after Soleimani's killing (text cut off mid-sentence).
    # Left out: "Kurds" (an ethnic group, MISC at most).
    "003": [
        ("U.S.", "LOC"),
        ("Iraq", "LOC"),
        ("Baghdad", "LOC"),
        ("Iran", "LOC"),
        ("China", "LOC"),
        ("Russia", "LOC"),
        ("Qassem Soleimani", "PER"),
        ("United States", "LOC"),
        ("Soleimani", "PER"),
        ("Islamic State", "ORG"),
        ("United Nations", "ORG"),
        ("Washington", "LOC"),
        # The department's formal name includes the country; "U.S." is listed on its own above.
        ("U.S. Department of Defense", "ORG"),
        ("Mark Esper", "PER"),
    ],
    # 004 (0907392820dfd11b) - machine-"spun" rewrite of the AFP story in 001.
    # Left out: "Asaib firefighter Ahl al-Haq" and its pieces (the spinner broke the militia's
    # name in two; "AAH" is kept, as it is intact); "Islamic republic" (lower case).
    # "Revolutionary Guards" is written "the Iranian Revolutionary Guards" here; the listed
    # form leaves off the nationality adjective, as in 001.
    # "Hashed" is listed from its clean uses ("fighters on Hashed", "to Hashed"); the garble
    # "deputy director Hashed Abu Mahdi al-Muhandis" still contains both names.
    "004": [
        ("U.S.", "LOC"),
        ("Iran", "LOC"),
        ("Washington", "LOC"),
        ("Tehran", "LOC"),
        ("Baghdad", "LOC"),
        ("Donald Trump", "PER"),
        ("Qasem Soleimani", "PER"),
        ("Iraq", "LOC"),
        ("Trump", "PER"),
        ("White House", "LOC"),  # CoNLL-2003 tags it LOC (11 of 11 in train)
        ("Saddam Hussein", "PER"),
        ("Mustafa al-Kadhemi", "PER"),
        ("AAH", "ORG"),
        ("Hashed al-Shaabi", "ORG"),
        ("Kadhemi", "PER"),
        ("Soleimani", "PER"),
        ("Revolutionary Guards", "ORG"),
        ("Hashed", "ORG"),
        ("Abu Mahdi al-Muhandis", "PER"),
        ("Kataeb Hezbollah", "ORG"),
        ("Sajad Jiyad", "PER"),
        ("The Century Foundation", "ORG"),
        ("AFP", "ORG"),
        ("Jiyad", "PER"),
        ("Abu Jihad al-Hashemi", "PER"),
        ("Joe Biden", "PER"),
    ],
}

# Strings in the cleaned texts that must not be tagged PER, ORG or LOC. No photo credits,
# captions, bylines or navigation survive cleaning in any of the five, so only day and month
# names are here ("May" and "June" are also given names, so they are a real trap).
NOT_ENTITIES: dict[str, list[str]] = {
    "000": ["January"],
    "001": ["January", "May", "June", "October"],
    "002": ["Sunday"],
    "003": ["Jan."],
    "004": ["January", "May", "June", "October"],
}
