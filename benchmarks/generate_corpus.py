"""Write a synthetic corpus of news articles, French and English mixed, for the benchmark.

    python benchmarks/generate_corpus.py 1000 /tmp/corpus --seed 1

The articles look like what a scraper hands a fact-checker: cookie banners, bylines, "Lire
aussi" links, share counters and subscription offers around the text; publication dates in
many formats; figures written "11 000" (with ordinary, no-break or narrow no-break spaces),
"11.000", "11,000", "onze mille", "1,5 million"; qualifiers, ranges and vague amounts; time
expressions and attributions. A few dozen stories (actor, what is counted, event, place)
recur across articles with figures that mostly agree and sometimes conflict or grow, so the
topic graph and the rules have real work to do.

Output: `NNNNNN_publisher.txt` (plain text), `NNNNNN_publisher.md` (YAML front matter) and
`batch-NNNN.jsonl` (one article per line: id, url, title, publisher, published, language,
text). The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REALISTIC = (350, 600)  # words per article body, like the seeds and real reports
NBSP = "\u00a0"
NNBSP = "\u202f"
JSONL_BATCH = 25

# --- vocabulary ------------------------------------------------------------------------------

ACTORS = {  # key: (French plural adjective, English adjective)
    "kp": ("nord-coréens", "North Korean"),
    "ru": ("russes", "Russian"),
    "ua": ("ukrainiens", "Ukrainian"),
    "ir": ("iraniens", "Iranian"),
    "by": ("biélorusses", "Belarusian"),
}
CATEGORIES = {  # key: (French plural noun, English plural noun)
    "soldiers": ("soldats", "soldiers"),
    "sappers": ("sapeurs", "sappers"),
    "workers": ("ouvriers militaires", "military workers"),
    "shells": ("obus", "artillery shells"),
    "missiles": ("missiles balistiques", "ballistic missiles"),
    "drones": ("drones", "drones"),
    "civilians": ("civils", "civilians"),
    "prisoners": ("prisonniers de guerre", "prisoners of war"),
}
EVENTS = {  # key: (French past participle, masculine plural; English past participle)
    "deployed": ("déployés", "deployed"),
    "sent": ("envoyés", "sent"),
    "killed_or_wounded": ("tués ou blessés", "killed or wounded"),
    "killed": ("tués", "killed"),
    "captured": ("capturés", "captured"),
    "delivered": ("livrés", "delivered"),
    "launched": ("lancés", "launched"),
    "shot_down": ("abattus", "shot down"),
    "evacuated": ("évacués", "evacuated"),
    "exchanged": ("échangés", "exchanged"),
}
PLACES = {  # key: (French "in the region" phrase, English phrase)
    "kursk": ("dans la région de Koursk", "in the Kursk region"),
    "donetsk": ("dans l'oblast de Donetsk", "in the Donetsk oblast"),
    "zaporizhzhia": ("près de Zaporijjia", "near Zaporizhzhia"),
    "kharkiv": ("dans la région de Kharkiv", "in the Kharkiv region"),
    "belgorod": ("dans la région de Belgorod", "in the Belgorod region"),
    "sumy": ("près de Soumy", "near Sumy"),
    "kherson": ("dans la région de Kherson", "in the Kherson region"),
}
# (actor, category, event, smallest plausible figure, largest); each gets a few places.
STORY_BASES = (
    ("kp", "soldiers", "deployed", 3_000, 15_000),
    ("kp", "soldiers", "killed_or_wounded", 1_000, 6_000),
    ("kp", "sappers", "sent", 500, 2_000),
    ("kp", "workers", "sent", 2_000, 6_000),
    ("kp", "shells", "delivered", 1_000_000, 5_000_000),
    ("kp", "missiles", "launched", 20, 150),
    ("kp", "soldiers", "captured", 2, 40),
    ("ir", "drones", "delivered", 500, 3_000),
    ("ru", "drones", "launched", 100, 800),
    ("ru", "drones", "shot_down", 50, 600),
    ("ru", "soldiers", "killed", 5_000, 50_000),
    ("ua", "soldiers", "deployed", 5_000, 20_000),
    ("ua", "civilians", "evacuated", 10_000, 200_000),
    ("ru", "civilians", "evacuated", 10_000, 150_000),
    ("ua", "prisoners", "exchanged", 90, 400),
    ("by", "soldiers", "deployed", 1_000, 8_000),
)
PLACES_PER_BASE = 3

ORIGINS = (  # (French "according to", English "according to", French who, English who)
    (
        "selon le ministère britannique de la Défense",
        "according to the UK Ministry of Defence",
        "le ministère britannique de la Défense",
        "the UK Ministry of Defence",
    ),
    (
        "d'après les services de renseignement sud-coréens",
        "according to South Korean intelligence",
        "le service de renseignement sud-coréen (NIS)",
        "South Korea's National Intelligence Service",
    ),
    (
        "selon l'état-major ukrainien",
        "according to the Ukrainian general staff",
        "l'état-major ukrainien",
        "the Ukrainian general staff",
    ),
    ("selon l'agence Reuters", "according to Reuters", "l'agence Reuters", "Reuters"),
    ("selon l'AFP", "according to AFP", "l'AFP", "AFP"),
    ("d'après l'agence Yonhap", "according to Yonhap", "l'agence Yonhap", "Yonhap"),
    ("selon le Pentagone", "according to the Pentagon", "le Pentagone", "the Pentagon"),
    (
        "selon le ministère russe de la Défense",
        "according to the Russian defence ministry",
        "le ministère russe de la Défense",
        "Russia's defence ministry",
    ),
    (
        "selon l'Institut pour l'étude de la guerre (ISW)",
        "according to the Institute for the Study of War",
        "l'ISW",
        "the Institute for the Study of War",
    ),
    (
        "selon Volodymyr Zelensky",
        "according to Volodymyr Zelensky",
        "le président ukrainien Volodymyr Zelensky",
        "Ukrainian President Volodymyr Zelensky",
    ),
)
FR_SAID = ("a déclaré", "a affirmé", "a indiqué", "a annoncé", "a assuré")
EN_SAID = ("said", "told reporters", "said in a statement", "announced", "claimed")

PUBLISHERS = {
    "fr": ("Le Monde", "Le Figaro", "L'Express", "Libération", "Ouest-France", "France 24",
           "Boursorama", "20 Minutes", "La Croix", "RFI"),
    "en": ("The Guardian", "Reuters", "BBC News", "Associated Press", "The Kyiv Independent",
           "Al Jazeera", "The Independent", "CNN", "Politico Europe", "NK News"),
}  # fmt: skip
AUTHORS = ("Camille Martin", "Julien Bernard", "Sophie Laurent", "Aurore Maubian",
           "Thomas Petit", "Jane Smith", "David Brown", "Olena Kovalenko", "Min-ji Park",
           "Peter Walsh")  # fmt: skip

FR_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")  # fmt: skip
FR_MONTHS_SHORT = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                   "oct.", "nov.", "déc.")  # fmt: skip
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")  # fmt: skip
FR_SEASONS = ("à l'hiver", "au printemps", "à l'été", "à l'automne")
EN_SEASONS = ("in the winter of", "in the spring of", "in the summer of", "in autumn")

FR_UNITS = ("", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
            "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
            "dix-neuf")  # fmt: skip
EN_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen")  # fmt: skip
FR_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante"}
EN_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty"}

FILLER = {
    "fr": (
        "Les deux pays sont liés par un accord de défense mutuelle signé en juin 2024.",
        "Le Kremlin n'a pas souhaité commenter ces informations.",
        "Ces chiffres n'ont pas pu être vérifiés de manière indépendante.",
        "La guerre, déclenchée en février 2022, est entrée dans sa quatrième année.",
        "Kiev réclame depuis des mois davantage de défense aérienne à ses alliés.",
        "Les combats se poursuivent le long d'une ligne de front de plus de 1 000 km.",
        "L'article 4 du traité prévoit une assistance militaire immédiate en cas d'agression.",
        "Plusieurs analystes estiment que ces pertes sont sous-estimées.",
    ),
    "en": (
        "The two countries signed a mutual defence pact in June 2024.",
        "The Kremlin declined to comment on the reports.",
        "The figures could not be independently verified.",
        "The war, which began in February 2022, is now in its fourth year.",
        "Kyiv has for months asked its allies for more air-defence systems.",
        "Fighting continues along a front line of more than 1,000 km.",
        "Analysts say the losses are likely to be underestimated.",
        "Article 4 of the treaty provides for immediate military assistance in case of attack.",
    ),
}
# Background sentences of long articles, composed from parts so that paragraphs vary:
# who speaks or acts × what they do × about what. No figures: the claims stay the stories'.
BACKGROUND = {
    "fr": (
        ("Des responsables locaux", "Des porte-parole de l'armée", "Des habitants interrogés sur place",
         "Plusieurs diplomates européens", "Des experts militaires basés à Paris", "Des médias d'État",
         "Les services de renseignement", "D'anciens officiers de l'état-major"),
        ("ont décrit", "ont dénoncé", "ont confirmé à demi-mot", "ont minimisé", "ont longuement commenté",
         "disent craindre", "ont évoqué à huis clos", "s'inquiètent publiquement de"),
        ("la situation humanitaire dans les villages proches du front.",
         "l'arrivée de nouveaux convois de ravitaillement pendant la nuit.",
         "les conséquences de l'offensive pour les civils restés sur place.",
         "la difficulté de vérifier les bilans publiés par chaque camp.",
         "les négociations diplomatiques menées en parallèle à Genève.",
         "la pression croissante sur les hôpitaux de la région.",
         "la coordination entre les unités engagées dans le secteur.",
         "les coupures d'électricité qui touchent plusieurs quartiers."),
    ),
    "en": (
        ("Local officials", "An army spokesperson", "Residents reached by phone", "Several European diplomats",
         "A military analyst in London", "State media", "Intelligence services", "A former staff officer"),
        ("described", "denounced", "half-confirmed", "played down", "commented at length on",
         "said they feared", "privately discussed", "voiced public concern about"),
        ("the humanitarian situation in villages near the front.",
         "the arrival of new supply convoys during the night.",
         "the consequences of the offensive for civilians who stayed behind.",
         "how hard it is to verify the tolls each side publishes.",
         "the diplomatic talks held in parallel in Geneva.",
         "the growing strain on the region's hospitals.",
         "coordination between the units engaged in the sector.",
         "the power cuts affecting several districts."),
    ),
}


def background_paragraph(lang: str, rng: random.Random) -> str:
    who, do, what = BACKGROUND[lang]
    return " ".join(f"{rng.choice(who)} {rng.choice(do)} {rng.choice(what)}" for _ in range(rng.randint(2, 4)))


COOKIE_BANNERS = {
    "fr": (
        "Nous utilisons des cookies pour améliorer votre expérience. En cliquant sur "
        "« J'accepte », vous consentez à leur utilisation.\n"
        "J'accepte\nRefuser\nGérer mes choix",
        "Ce contenu est bloqué car vous n'avez pas accepté les cookies et autres traceurs.\n"
        "J'accepte tous les cookies",
    ),
    "en": (
        "We use cookies to personalise content and ads. By clicking \"Accept all\" you agree to "
        "our use of cookies.\nAccept all\nReject all\nManage preferences",
        "This content is blocked because you have not accepted cookies.\nAccept cookies",
    ),
}
SUBSCRIBE = {
    "fr": ("Abonnez-vous pour 1 € le premier mois, puis 9,99 € par mois.",
           "Offre spéciale : 2,99 €/mois pendant 12 mois, sans engagement.",
           "Si vous souhaitez accéder à tous les articles, abonnez-vous ici !"),
    "en": ("Subscribe for $1 a week for the first 6 months.",
           "Get unlimited access for £4.99 a month. Cancel anytime.",
           "Support independent journalism from just $2 a month."),
}  # fmt: skip


@dataclass(frozen=True)
class Story:
    """A recurring subject: what most sources report about it, and when it happened."""

    actor: str
    category: str
    event: str
    place: str
    value: int
    when: dt.date


@dataclass(frozen=True)
class Article:
    id: str
    language: str
    publisher: str
    published: dt.datetime
    title: str
    text: str  # the page as scraped, noise included
    body: str  # the article alone, for front matter and JSON Lines inputs

    @property
    def url(self) -> str:
        host = slug(self.publisher, "")
        return f"https://www.{host}.example/{self.published:%Y/%m/%d}/{self.id}"


# --- numbers, times, sentences ---------------------------------------------------------------


def round_figure(value: float) -> int:
    """Round as reporters do: two significant digits."""
    if value < 100:
        return max(1, round(value))
    scale = 10 ** (int(math.log10(value)) - 1)
    return int(round(value / scale) * scale)


def spell(value: int, lang: str) -> str | None:
    """Words for round thousands up to 59 000 ("onze mille"), or None."""
    if value % 1000 or not 1000 <= value < 60_000:
        return None
    k = value // 1000
    units, tens = (FR_UNITS, FR_TENS) if lang == "fr" else (EN_UNITS, EN_TENS)
    if k < len(units):
        words = units[k]
    elif k % 10 == 0:
        words = tens[k]
    elif lang == "fr":
        words = tens[k - k % 10] + ("-et-un" if k % 10 == 1 else "-" + units[k % 10])
    else:
        words = tens[k - k % 10] + "-" + units[k % 10]
    if lang == "fr":
        return "mille" if k == 1 else f"{words} mille"
    return f"{words} thousand"


def number(value: int, lang: str, rng: random.Random) -> str:
    if value >= 1_000_000:
        millions = value / 1_000_000
        text = f"{millions:g}"
        if lang == "fr":
            return text.replace(".", ",") + (" million" if millions < 2 else " millions")
        return text + " million"
    words = spell(value, lang)
    if words and rng.random() < 0.15:
        return words
    if value < 1000:
        return str(value)
    head, tail = divmod(value, 1000)
    if lang == "fr":
        sep = rng.choice((" ", NBSP, NNBSP, NNBSP, ".", ""))
    else:
        sep = rng.choice((",", ",", ",", ""))
    return f"{head}{sep}{tail:03d}"


def quantity(story: Story, lang: str, rng: random.Random) -> tuple[str, bool]:
    """The figure as a source states it, and whether it is an addition ("supplémentaires")."""
    roll = rng.random()
    value = story.value
    if roll < 0.12:  # a conflicting figure
        value = round_figure(value * rng.choice((0.5, 0.6, 1.4, 1.8, 2.5)))
    elif roll < 0.20:  # an increment
        return number(round_figure(value * rng.choice((0.2, 0.3))), lang, rng), True
    if roll > 0.90 and value >= 50:
        low, high = round_figure(value * 0.9), round_figure(value * 1.1)
        if lang == "fr":
            return f"entre {number(low, lang, rng)} et {number(high, lang, rng)}", False
        if rng.random() < 0.5:
            return f"{number(low, lang, rng)}-{number(high, lang, rng)}", False
        return f"between {number(low, lang, rng)} and {number(high, lang, rng)}", False
    if 0.85 < roll <= 0.90 and value >= 2000:
        magnitude = 0 if value < 20_000 else 1 if value < 1_000_000 else 2
        vague = (
            ("plusieurs milliers de", "des dizaines de milliers de", "des millions de")
            if lang == "fr"
            else ("several thousand", "tens of thousands of", "millions of")
        )
        return vague[magnitude], False
    qualifiers = (
        ("", "environ ", "plus de ", "au moins ", "près de ", "jusqu'à ", "quelque ")
        if lang == "fr"
        else ("", "about ", "more than ", "at least ", "nearly ", "up to ", "some ", "over ")
    )
    return rng.choice(qualifiers) + number(value, lang, rng), False


def time_phrase(when: dt.date, lang: str, rng: random.Random) -> str:
    season = (when.month % 12) // 3
    month = when.month - 1
    pair = min(month, 10)  # "between October and November", never across a year end
    part = 0 if when.month <= 4 else 2 if when.month >= 9 else 1
    if lang == "fr":
        return rng.choice((
            f"{FR_SEASONS[season]} {when.year}",
            f"en {FR_MONTHS[month]} {when.year}",
            f"{('début ', 'mi-', 'fin ')[part]}{when.year}",
            f"depuis {FR_MONTHS[month]}",
            f"le {when.day} {FR_MONTHS[month]} {when.year}",
            f"entre {FR_MONTHS[pair]} et {FR_MONTHS[pair + 1]} {when.year}",
            f"à la mi-{FR_MONTHS[month]} {when.year}",
        ))  # fmt: skip
    return rng.choice((
        f"{EN_SEASONS[season]} {when.year}",
        f"in {EN_MONTHS[month]} {when.year}",
        f"{('early ', 'mid-', 'late ')[part]}{when.year}",
        f"since {EN_MONTHS[month]}",
        f"on {EN_MONTHS[month]} {when.day}, {when.year}",
        f"between {EN_MONTHS[pair]} and {EN_MONTHS[pair + 1]} {when.year}",
        f"in mid-{EN_MONTHS[month]} {when.year}",
    ))  # fmt: skip


def fr_count(figure: str, noun: str) -> str:
    """ "1,5 million d'obus", "plusieurs milliers de soldats", "11 000 soldats"."""
    if figure.endswith(("million", "millions")):
        figure += " de"
    if figure.endswith(" de") and noun[0] in "aeiouyéèêh":
        return f"{figure[:-2]}d'{noun}"
    return f"{figure} {noun}"


def claim_sentence(story: Story, when: dt.date, lang: str, rng: random.Random) -> str:
    figure, increment = quantity(story, lang, rng)
    fr_according, en_according, fr_who, en_who = rng.choice(ORIGINS)
    time = time_phrase(when, lang, rng)
    fr_adj, en_adj = ACTORS[story.actor]
    fr_cat, en_cat = CATEGORIES[story.category]
    fr_event, en_event = EVENTS[story.event]
    fr_place, en_place = PLACES[story.place]
    pattern = rng.randrange(5)
    if increment and pattern == 3:
        pattern = 0  # "in total" and "additional" do not go together
    if lang == "fr":
        what = fr_count(figure, f"{fr_cat} {fr_adj}") + (" supplémentaires" if increment else "")
        verb = rng.choice(FR_SAID)
        that = "qu'" if what[0] in "aeiouéèh" else "que "
        return (
            f"{_cap(fr_according)}, {what} ont été {fr_event} {fr_place} {time}.",
            f"{_cap(time)}, {what} ont été {fr_event} {fr_place}, {fr_according}.",
            f"« {_cap(what)} ont été {fr_event} {fr_place} », {verb} {fr_who}.",
            f"Au total, {what} auraient été {fr_event} {fr_place} {time}, {fr_according}.",
            f"{_cap(fr_who)} {verb} {that}{what} avaient été {fr_event} {fr_place} {time}.",
        )[pattern]
    what = ("an additional " if increment else "") + f"{figure} {en_adj} {en_cat}"
    said = rng.choice(EN_SAID)
    return (
        f"{_cap(en_according)}, {what} were {en_event} {en_place} {time}.",
        f"{_cap(time)}, {what} were {en_event} {en_place}, {en_according}.",
        f'"{_cap(what)} have been {en_event} {en_place}," {en_who} {said}.',
        f"In total, {what} have been {en_event} {en_place} so far, {en_according}.",
        f"{_cap(en_who)} {said} that {what} were {en_event} {en_place} {time}.",
    )[pattern]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def slug(text: str, sep: str) -> str:
    """ "Libération" -> "liberation", "Le Monde" -> "le-monde": safe in file names and URLs."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = "".join(ch if ch.isalnum() else " " for ch in ascii_text).split()
    return sep.join(words)


# --- pages -----------------------------------------------------------------------------------


def date_line(
    published: dt.datetime, lang: str, publisher: str, author: str, rng: random.Random
) -> str:
    d = published
    if lang == "fr":
        return rng.choice((
            f"Publié le {d:%d/%m/%Y} à {d:%Hh%M}",
            f"Par {author} - Publié le {d.day} {FR_MONTHS[d.month - 1]} {d.year} à {d:%H:%M}",
            f"Mis à jour le {d.day} {FR_MONTHS_SHORT[d.month - 1]} {d.year} à {d:%Hh%M}",
            f"information fournie par {publisher} {d:%d/%m/%Y} à {d:%H:%M}",
            f"Publish date : {d:%Y-%m-%d %H:%M:%S}",
            f"Le {d:%d.%m.%Y} à {d:%H:%M}",
        ))  # fmt: skip
    hour12 = d.hour % 12 or 12
    return rng.choice((
        f"Published {EN_MONTHS[d.month - 1]} {d.day}, {d.year}",
        f"By {author} | {EN_MONTHS[d.month - 1][:3]} {d.day}, {d.year} {hour12}:{d:%M} "
        f"{'AM' if d.hour < 12 else 'PM'} ET",
        f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}",
        f"Updated: {d:%Y-%m-%dT%H:%M:%SZ}",
        f"Posted {d:%m/%d/%Y}",
    ))  # fmt: skip


def title_for(story: Story, lang: str) -> str:
    fr_adj, en_adj = ACTORS[story.actor]
    fr_cat, en_cat = CATEGORIES[story.category]
    fr_event, en_event = EVENTS[story.event]
    fr_place, en_place = PLACES[story.place]
    if lang == "fr":
        return f"Guerre en Ukraine : des {fr_cat} {fr_adj} {fr_event} {fr_place}"
    return f"Ukraine war: {en_adj} {en_cat} {en_event} {en_place}"


def make_article(
    index: int,
    stories: Sequence[Story],
    weights: Sequence[float],
    rng: random.Random,
    words: tuple[int, int] | None = None,
) -> Article:
    lang = "fr" if rng.random() < 0.55 else "en"
    publisher = rng.choice(PUBLISHERS[lang])
    author = rng.choice(AUTHORS)
    picked = rng.choices(stories, weights=weights, k=rng.randint(1, 4))
    # later articles sometimes report the same story a few weeks or months on
    whens = [s.when + dt.timedelta(days=rng.choice((0, 0, 0, 20, 45, 120))) for s in picked]
    published = dt.datetime.combine(
        max(whens) + dt.timedelta(days=rng.randint(1, 120)),
        dt.time(rng.randrange(6, 23), rng.randrange(60)),
    )
    title = title_for(picked[0], lang)
    paragraphs = [
        claim_sentence(s, when, lang, rng) + " " + rng.choice(FILLER[lang])
        for s, when in zip(picked, whens)
    ]
    paragraphs.insert(rng.randint(1, len(paragraphs)), " ".join(rng.sample(FILLER[lang], 2)))
    if rng.random() < 0.5:
        other = rng.choice(stories)
        read_more = "Lire aussi :" if lang == "fr" else "Read more:"
        paragraphs.insert(1, f"{read_more} {title_for(other, lang)}")
    if words is not None:  # a realistic length: background and more figures up to the target
        target = rng.randint(*words)
        while sum(len(p.split()) for p in paragraphs) < target:
            if rng.random() < 0.3:
                story = rng.choice(picked)
                paragraphs.append(claim_sentence(story, story.when, lang, rng) + " " + background_paragraph(lang, rng))
            else:
                paragraphs.append(background_paragraph(lang, rng))
    body = "\n\n".join(paragraphs)

    page = [title]
    if rng.random() < 0.4:
        page.append(rng.choice(COOKIE_BANNERS[lang]))
    page.append(date_line(published, lang, publisher, author, rng))
    if rng.random() < 0.5:
        point = "," if lang == "fr" else "."
        thousands = f"{rng.randint(1, 9)}{point}{rng.randint(1, 9)}k"  # "1,2k" / "1.2k"
        shares = rng.choice((str(rng.randint(2, 950)), thousands))
        page.append(f"Partager ({shares})" if lang == "fr" else f"{shares} shares")
    page.append(body)
    if rng.random() < 0.6:
        page.append(rng.choice(SUBSCRIBE[lang]))
    if rng.random() < 0.3:
        comments = rng.randint(0, 480)
        page.append(f"{comments} commentaires" if lang == "fr" else f"{comments} comments")
    return Article(
        id=f"{index:06d}_{slug(publisher, '-')}",
        language=lang,
        publisher=publisher,
        published=published,
        title=title,
        text="\n\n".join(page) + "\n",
        body=body + "\n",
    )


def make_stories(rng: random.Random) -> list[Story]:
    stories = []
    start = dt.date(2024, 1, 1)
    for actor, category, event, low, high in STORY_BASES:
        for place in rng.sample(sorted(PLACES), PLACES_PER_BASE):
            value = round_figure(math.exp(rng.uniform(math.log(low), math.log(high))))
            when = start + dt.timedelta(days=rng.randrange(600))
            stories.append(Story(actor, category, event, place, value, when))
    return stories


def front_matter(article: Article) -> str:
    def quoted(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar

    return (
        "---\n"
        f"title: {quoted(article.title)}\n"
        f"date: {article.published:%Y-%m-%d}\n"
        f"publisher: {quoted(article.publisher)}\n"
        f"url: {article.url}\n"
        f"lang: {article.language}\n"
        "---\n\n"
        f"# {article.title}\n\n"
        f"{article.body}"
    )


def json_line(article: Article) -> str:
    record = {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "publisher": article.publisher,
        "published": article.published.date().isoformat(),
        "language": article.language,
        "text": article.body,
    }
    return json.dumps(record, ensure_ascii=False)


def generate(n: int, out_dir: Path, seed: int = 0, words: tuple[int, int] | None = None) -> Path:
    """Write `n` articles into `out_dir` (created if needed) and return it.

    Files are written directly, not atomically: the corpus is disposable and regenerated
    in seconds, and fsyncing ten thousand files would dominate the benchmark's setup.
    `words` (low, high) makes each article body that long, like real reports (350–600 words);
    None keeps the short articles (about 140 words), byte for byte as before.
    """
    rng = random.Random(seed)
    stories = make_stories(rng)
    weights = [1 / (rank + 1) for rank in range(len(stories))]  # a few stories dominate the news
    out_dir.mkdir(parents=True, exist_ok=True)
    batch: list[str] = []
    batches = 0

    def flush() -> None:
        nonlocal batches
        if batch:
            batches += 1
            path = out_dir / f"batch-{batches:04d}.jsonl"
            path.write_text("\n".join(batch) + "\n", encoding="utf-8")
            batch.clear()

    for index in range(n):
        article = make_article(index, stories, weights, rng, words)
        roll = rng.random()
        if roll < 0.12:
            batch.append(json_line(article))
            if len(batch) == JSONL_BATCH:
                flush()
        elif roll < 0.30:
            (out_dir / f"{article.id}.md").write_text(front_matter(article), encoding="utf-8")
        else:
            (out_dir / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    flush()
    return out_dir


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many articles to write")
    parser.add_argument("out_dir", type=Path, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same corpus (default 0)")
    parser.add_argument("--realistic", action="store_true", help="articles of 350-600 words instead of ~140")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("n must be >= 0")
    generate(args.n, args.out_dir, args.seed, REALISTIC if args.realistic else None)
    print(f"wrote {args.n} articles to {args.out_dir}")


if __name__ == "__main__":
    main()
