"""A transliteration test set: public figures of the Middle East as English-language news spells them.

Each group lists spellings of one person seen in English-language news and reference works
(wire style guides differ: AP "Moammar Gadhafi", Reuters "Muammar Gaddafi", NYT "Qaddafi").
Names are written as news writes them, with or without the article "al-", hyphens,
apostrophes and diacritics. Nothing here comes from the demo pile.

KEEP_APART lists pairs of *different* people with close names (relatives sharing a family name,
namesakes sharing a given name): a merge of any of them is a false merge.
"""

from __future__ import annotations

SAME_PERSON: list[tuple[str, ...]] = [
    ("Muammar Gaddafi", "Moammar Gadhafi", "Muammar Qaddafi", "Muammar al-Gaddafi", "Moammar Kadhafi"),
    ("Qasem Soleimani", "Qassem Suleimani", "Qassem Soleimani", "Ghasem Soleimani"),
    ("Mohammad Javad Zarif", "Mohammed Javad Zarif", "Muhammad Javad Zarif"),
    ("Hassan Rouhani", "Hasan Rohani", "Hassan Rowhani", "Hassan Rohani"),
    ("Ali Khamenei", "Ali Khamene'i", "Ali Khamene’i"),
    ("Mahmoud Ahmadinejad", "Mahmud Ahmadinejad", "Mahmoud Ahmadinezhad"),
    ("Osama bin Laden", "Usama bin Ladin", "Osama bin Ladin"),
    ("Hosni Mubarak", "Husni Mubarak", "Hosny Mubarak"),
    ("Bashar al-Assad", "Bashar Assad", "Bashar el-Assad", "Bashar al-Asad"),
    ("Abu Bakr al-Baghdadi", "Abu Bakr el-Baghdadi", "Abu Bakr Al-Baghdadi"),
    ("Muqtada al-Sadr", "Moqtada al-Sadr", "Muqtada as-Sadr", "Moqtada Sadr"),
    ("Nouri al-Maliki", "Nuri al-Maliki", "Nouri Maliki"),
    ("Haider al-Abadi", "Haidar al-Abadi", "Hayder al-Abadi"),
    ("Ayman al-Zawahiri", "Ayman al-Zawahri", "Ayman az-Zawahiri"),
    ("Yasser Arafat", "Yasir Arafat"),
    ("Mohammed bin Salman", "Muhammad bin Salman", "Mohammad bin Salman"),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
    ("Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi", "Abdel-Fattah el-Sissi"),
    ("Hassan Nasrallah", "Hasan Nasrallah", "Hassan Nasrullah"),
    ("Mustafa al-Kadhimi", "Mustafa al-Kadhemi", "Mustafa al-Kazemi", "Moustafa al-Kadhimi"),
    ("Abu Mahdi al-Muhandis", "Abu Mahdi al-Mohandes", "Abu Mehdi al-Muhandis"),
    ("Qais al-Khazali", "Qais al-Khazaali", "Qays al-Khazali", "Kais al-Khazali"),
    ("Hadi al-Amiri", "Hadi al-Ameri", "Hadi Amiri"),
    ("Faleh al-Fayyadh", "Falih al-Fayyad", "Faleh al-Fayadh"),
    ("Ali al-Sistani", "Ali Sistani", "Ali al-Sistany"),
    ("Javad Zarif", "Jawad Zarif"),
    ("Abbas Araghchi", "Abbas Araqchi"),
    ("Ebrahim Raisi", "Ibrahim Raisi", "Ebrahim Raeisi"),
]

KEEP_APART: list[tuple[str, str]] = [
    ("Abbas Kadhim", "Mustafa al-Kadhimi"),
    ("Hassan Rouhani", "Hassan Nasrallah"),
    ("Ali Khamenei", "Ruhollah Khomeini"),
    ("Bashar al-Assad", "Hafez al-Assad"),
    ("Bashar al-Assad", "Maher al-Assad"),
    ("Saddam Hussein", "Uday Hussein"),
    ("Uday Hussein", "Qusay Hussein"),
    ("Ali Larijani", "Sadegh Larijani"),
    ("Muqtada al-Sadr", "Mohammed Sadiq al-Sadr"),
    ("Qais al-Khazali", "Laith al-Khazali"),
    ("Mohammed bin Salman", "Mohammed bin Zayed"),
    ("Mohammed bin Salman", "Mohammed bin Nayef"),
    ("Hassan Rouhani", "Hossein Rouhani"),
    ("Ali Khamenei", "Mojtaba Khamenei"),
    ("Abbas Araghchi", "Mahmoud Abbas"),
    ("Ayman al-Zawahiri", "Mohammed al-Zawahiri"),
    ("Nouri al-Maliki", "Nouri al-Said"),
    ("Abu Bakr al-Baghdadi", "Abu Omar al-Baghdadi"),
    ("Ali al-Sistani", "Ali al-Sadr"),
    ("Ebrahim Raisi", "Ebrahim Rezaei"),
]
