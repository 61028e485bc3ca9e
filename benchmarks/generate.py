"""Deterministic synthetic corpus of web articles about kratom, opioid withdrawal and sleep.

The benchmarks need corpora of any size (1 MB to several GB) that read like the web pages the
package is built for: long-form guides, FAQs, forum threads, shop pages, listicles and news,
with claims, hedges, negations, evidence, doses, mechanisms and plenty of text that states
nothing. Every sentence comes from this file's own templates and word lists; the only outside
input is the topic aliases of the package's taxonomy lexicon, read as data for tag lines.

Article ``n`` of seed ``s`` is drawn from its own ``random.Random(f"{s}:{n}")``, so the same seed
always gives the same bytes, on any machine, and articles are made one at a time and written
as they come: memory does not grow with the corpus.

    python benchmarks/generate.py --mb 10 --out benchmarks/out/corpus-10mb
    python benchmarks/generate.py --mb 0.5 --out benchmarks/out/corpus-txt --format txt --seed 7
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import importlib.resources
import json
import random
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

MB = 1_000_000
SHARD_BYTES = 64_000_000
FILES_PER_FOLDER = 1000
FORMATS = ("jsonl", "txt")
FIELDS = ("id", "url", "title", "retrieved_at", "text")
STYLES = ("article", "faq", "forum", "product", "listicle", "news")
MARKDOWN_STYLES = frozenset({"article", "faq", "product", "listicle"})
STYLE_WEIGHTS = (30, 14, 20, 10, 12, 14)
FANCY_SHARE = 0.2
MIN_TARGET, MAX_TARGET = 1_100, 17_000

_SHARD_NAME = re.compile(r"part-\d{5}\.jsonl")
_FOLDER_NAME = re.compile(r"\d{5}")
_FILE_NAME = re.compile(r"gen-.+\.(?:md|txt)")
_SLOT = re.compile(r"\{(\w+)\}")
_QUOTED = re.compile(r'"([^"\n]*)"')
_NOT_SLUG = re.compile(r"[^a-z0-9]+")

# -- word lists -------------------------------------------------------------------------------------

KRATOM = (
    "kratom",
    "kratom",
    "kratom",
    "kratom",
    "Mitragyna speciosa",
    "kratom powder",
    "kratom tea",
    "the herb",
    "this herb",
    "kratom leaf",
)
STRAINS = (
    "Red Bali",
    "Green Malay",
    "White Borneo",
    "Red Thai",
    "Maeng Da",
    "Green Maeng Da",
    "Red Maeng Da",
    "Yellow Vietnam",
    "Gold Bali",
    "Red Horn",
    "Super Indo",
    "White Sumatra",
    "Red Borneo",
    "Green Kapuas",
    "White Maeng Da",
    "Red Dragon",
    "Green Hulu",
    "Red Sunda",
)
VEINS = ("red vein", "green vein", "white vein", "yellow vein", "red", "green", "white")
COLORS = ("red", "green", "white", "yellow")
ALKALOIDS = ("mitragynine", "7-hydroxymitragynine", "7-OH", "speciogynine", "paynantheine", "speciociliatine")
AGENTS = (
    "mitragynine",
    "mitragynine",
    "7-hydroxymitragynine",
    "7-hydroxymitragynine",
    "7-OH",
    "kratom",
    "the alkaloid mitragynine",
    "kratom's main alkaloid",
    "the herb",
)
MECH_ACTIONS = (
    "binds to",
    "acts on",
    "interacts with",
    "activates",
    "acts as a partial agonist at",
    "is a partial agonist at",
    "works on",
    "targets",
    "stimulates",
    "blocks",
    "modulates",
    "acts as an agonist at",
    "acts as an antagonist at",
    "binds weakly to",
    "has affinity for",
    "latches onto",
    "binds tightly to",
)
MECH_BASE = (
    "bind to",
    "act on",
    "interact with",
    "activate",
    "block",
    "modulate",
    "stimulate",
    "target",
    "work on",
    "act as a partial agonist at",
)
TARGETS = (
    "mu-opioid receptors",
    "the mu-opioid receptor",
    "mu-opioid receptors",
    "kappa-opioid receptors",
    "delta-opioid receptors",
    "opioid receptors",
    "the brain's opioid receptors",
    "alpha-2 adrenergic receptors",
    "adrenergic receptors",
    "serotonin receptors",
    "5-HT2A receptors",
    "GABA receptors",
    "dopamine receptors",
    "the mu-opioid receptor (MOR)",
    "kappa receptors",
    "the body's opioid receptors",
)
HEDGES = ("may", "might", "could", "is thought to", "appears to", "seems to", "is said to", "is believed to", "can", "may", "may")
HELPS = ("help with", "ease", "relieve", "reduce", "take the edge off", "soften", "improve", "calm", "blunt", "help manage", "lessen")
CONDITIONS = (
    "opioid withdrawal",
    "withdrawal symptoms",
    "insomnia",
    "chronic pain",
    "back pain",
    "anxiety",
    "restless legs",
    "low mood",
    "fatigue",
    "cravings",
    "sleep problems",
    "poor sleep",
    "joint pain",
    "stress",
    "nerve pain",
    "sleepless nights",
    "the aches of withdrawal",
    "disrupted sleep",
)
SYMPTOMS = (
    "sweating",
    "a runny nose",
    "muscle aches",
    "restless legs",
    "yawning",
    "goosebumps",
    "stomach cramps",
    "insomnia",
    "irritability",
    "cravings",
    "hot and cold flashes",
    "anxiety",
    "watery eyes",
)
OPIOIDS = (
    "oxycodone",
    "hydrocodone",
    "heroin",
    "methadone",
    "morphine",
    "fentanyl",
    "tramadol",
    "codeine",
    "buprenorphine",
    "oxy",
    "pain pills",
)
SIDE_EFFECTS = (
    "constipation",
    "nausea",
    "dizziness",
    "itching",
    "dry mouth",
    "loss of appetite",
    "the wobbles",
    "headaches",
    "sweating",
    "insomnia",
    "weight loss",
    "dependence",
    "tolerance",
    "vomiting",
    "a racing heart",
    "restlessness",
)
MEDS = (
    "antidepressants",
    "benzodiazepines",
    "sleeping pills",
    "blood thinners",
    "stimulants",
    "alcohol",
    "other opioids",
    "antihistamines",
)
PURPOSES = ("sleep", "pain relief", "energy", "opioid withdrawal", "anxiety", "mood", "focus", "relaxation")
VERB_PURPOSES = (
    "ease pain",
    "sleep better",
    "manage withdrawal",
    "reduce anxiety",
    "boost energy",
    "cut back on opioids",
    "lift their mood",
    "get through work shifts",
)
TIMINGS = (
    "in the evening",
    "before bed",
    "at bedtime",
    "in the morning",
    "twice a day",
    "once daily",
    "every night",
    "an hour before sleep",
    "after dinner",
    "on an empty stomach",
    "each morning",
    "in the afternoon",
)
FREQUENCIES = ("twice a day", "three times a day", "once a day", "twice daily")
QUALITATIVE = (
    "a low dose",
    "a small dose",
    "high doses",
    "a moderate dose",
    "larger doses",
    "a light dose",
    "a heavy dose",
    "smaller amounts",
    "a very high dose",
    "a medium dose",
    "low doses",
    "higher doses",
    "a strong dose",
)
LEVELS = ("low", "moderate", "high", "small", "large", "very low", "higher", "lower")
FORMS = ("leaf powder", "powder", "capsules", "crushed leaf", "kratom", "extract", "tea", "powdered leaf")
DRINKS = (
    "orange juice",
    "warm tea",
    "a glass of water",
    "grapefruit juice",
    "yogurt",
    "a protein shake",
    "hot chocolate",
    "apple sauce",
    "lemon water",
)
FEELINGS = ("calming", "energizing", "warm", "heavy", "clear-headed", "dreamy", "sedating", "uplifting")
EFFECTS = ("pain-relieving effect", "calming effect", "stimulating effect", "sedative effect", "mood lift", "drowsiness at high doses")
PEOPLE = ("users", "people", "readers", "customers", "patients", "veterans", "long-term users", "beginners", "shift workers")
COUNTRIES = ("Indonesia", "Thailand", "Malaysia", "Borneo", "Vietnam", "Papua New Guinea", "Sumatra")
US_CITIES = (
    "Denver",
    "Tampa",
    "Portland",
    "Austin",
    "Columbus",
    "Raleigh",
    "Phoenix",
    "Louisville",
    "Boise",
    "Tulsa",
    "Asheville",
    "Spokane",
    "Savannah",
    "Madison",
)
STATES = ("Florida", "Ohio", "Oregon", "Texas", "Colorado", "Tennessee", "Georgia", "Michigan", "Arizona", "Kentucky", "Utah", "Nevada")
FIRST_NAMES = (
    "Dana",
    "Marcus",
    "Priya",
    "Tom",
    "Elena",
    "Jordan",
    "Aisha",
    "Greg",
    "Lena",
    "Sam",
    "Hannah",
    "Victor",
    "Rosa",
    "Nate",
    "Mei",
    "Owen",
    "Carla",
    "Dev",
    "Ingrid",
    "Malik",
)
LAST_NAMES = (
    "Harlow",
    "Okafor",
    "Lindqvist",
    "Brennan",
    "Castillo",
    "Whitaker",
    "Nguyen",
    "Patel",
    "Moreau",
    "Sokolov",
    "Ferris",
    "Adeyemi",
    "Quinlan",
    "Baptiste",
    "Kowalski",
    "Reyes",
    "Thorne",
    "Abbott",
)
HANDLE_HEADS = (
    "sleepless",
    "red",
    "greenvein",
    "tapering",
    "quiet",
    "night",
    "mountain",
    "lazy",
    "old",
    "coffee",
    "river",
    "tired",
    "hopeful",
    "desert",
)
HANDLE_TAILS = ("owl", "guy", "mom", "dad", "wolf", "fox", "runner", "leaf", "bear", "walker", "vet", "nurse")
ROLES = (
    "pharmacologist",
    "addiction physician",
    "sleep researcher",
    "public health professor",
    "toxicologist",
    "family doctor",
    "policy analyst",
)
INSTITUTIONS = (
    "a state university",
    "a regional medical center",
    "a harm reduction nonprofit",
    "a university sleep clinic",
    "the county health department",
    "a private research institute",
)
AGENCIES = (
    "Food and Drug Administration",
    "state health department",
    "county coroner's office",
    "state board of pharmacy",
    "city council",
    "attorney general's office",
)
OUTLETS = ("The Daily Ledger", "Valley Herald", "Metro Health Wire", "The Morning Post", "Coastal Times")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
CATEGORIES = ("Sleep", "Withdrawal", "Strain Reviews", "Dosing", "Research", "News", "Lifestyle")
BAGS = ("28 g", "50 g", "100 g", "250 g", "500 g", "1 kg", "2 kg")
CAPSULE_PACKS = (
    "100 capsules, 500 mg each",
    "60 capsules of 650 mg",
    "250 capsules, 500 mg each",
    "150 capsules (750 mg per capsule)",
    "30 capsules, 400 mg each",
)
GRAMS = ("0.5", "1", "1.5", "2", "2.5", "3", "3.5", "4", "5", "6", "7", "8", "10", "12", "15")
RANGES = (
    ("1", "2"),
    ("1", "3"),
    ("2", "3"),
    ("2", "4"),
    ("3", "5"),
    ("4", "6"),
    ("5", "8"),
    ("0.5", "1.5"),
    ("1.5", "2.5"),
    ("6", "10"),
    ("8", "12"),
)
MILLIGRAMS = ("5", "10", "15", "20", "25", "50", "100", "200", "250")
CAPSULE_MG = ("250", "400", "500", "650", "750")
PER_KG = ("0.5", "1", "2", "5", "10", "20")
MICROGRAMS = ("50", "100", "150", "300", "500")
NUMBER_WORDS = ("two", "three", "four", "five", "six")
TEASPOONS = (
    "half a teaspoon",
    "a level teaspoon",
    "one heaped teaspoon",
    "two teaspoons",
    "a quarter teaspoon",
    "one and a half teaspoons",
)
LOW_AMOUNTS = (
    "1 gram",
    "1-2 g",
    "half a teaspoon",
    "0.5 to 1 gram",
    "1.5 g",
    "2 grams",
    "a 500 mg capsule",
    "1 to 2 grams",
    "two capsules",
)
HIGH_AMOUNTS = ("8 grams", "6-8 g", "10 g", "8 to 12 grams", "12 grams", "15 g", "7 to 9 grams", "10-15 grams")
QUALIFIERS = ("about", "up to", "no more than", "at least", "around", "roughly", "approximately", "less than")
SMALL_STEPS = ("0.5 g", "half a gram", "1 gram", "250 mg", "0.25 g")
MELATONIN = ("0.5 mg", "1 to 3 mg", "3 mg", "5 milligrams", "1 mg")
CLOCKS = ("1 pm", "2 pm", "3 pm", "noon", "11 am")
SOCIAL = ("Facebook", "X", "Reddit", "Pinterest", "email")

# -- sentence templates, by kind -------------------------------------------------------------------

TEMPLATES = {
    "claim": (
        "{kratom} {hedge} {help} {condition}.",
        "Some users report that {kratom} helps with {condition}.",
        "Many people say {strain} makes it easier to fall asleep.",
        "{strain} is often described as one of the most relaxing strains, and some people take it for {condition}.",
        "For some people, {kratom} takes the edge off {condition} without the heavy fog of {opioid}.",
        "{kratom} is thought to ease {symptom} during opioid withdrawal.",
        "A number of readers told us that {kratom} helped them sleep through the first week off {opioid}.",
        "Kratom may help with opioid withdrawal symptoms such as {symptom} and {symptom2}.",
        "{people} often say that {color} vein strains feel calmer than {color2} vein ones.",
        "In small amounts {kratom} tends to feel stimulating, while larger amounts are said to be sedating.",
        "Some people use {kratom} as a bridge while tapering off {opioid}.",
        "{kratom} could make {condition} more manageable for some, though results vary widely.",
        "Supporters claim that {kratom} improves sleep quality, but the evidence is thin.",
        "Regular users sometimes say their {condition} improved within {days} days.",
        "Kratom is sometimes promoted as a natural alternative to prescription painkillers.",
        "A calmer evening routine combined with {kratom} may promote more restful sleep.",
        "{vein} kratom is said to be the better choice for {purpose}.",
        "Some people find that {kratom} reduces cravings during the first weeks without {opioid}.",
        "Because of its mild sedative effect, {kratom} might shorten the time it takes to fall asleep.",
        "It is possible that {kratom} relieves pain partly by calming the nervous system.",
        "Several readers wrote in to say that {kratom} helped their anxiety more than it helped their sleep.",
        "The herb appears to lift mood in some users, especially at {level} doses.",
        "{kratom} might support a smoother taper for people coming off {opioid}.",
        "Kratom seems to work best for {condition} when it is taken {timing}.",
        "Fans of the plant say it helps them manage {condition} without feeling foggy.",
        "Some users report that {alkaloid} is what makes the leaf feel {feeling}.",
        "Tolerance builds quickly for some people, and the benefits for {condition} may fade over time.",
        "Kratom tea is said to be gentler on the stomach than raw powder.",
        "A few {people} describe {strain} as a mild pain reliever that gets them through a work day.",
        "Daily use may lead to dependence, and stopping suddenly can bring a withdrawal of its own.",
        "{people} describe better sleep on nights when they take {kratom} early rather than late.",
        "Others find that {kratom} keeps them awake, which is the opposite of what they wanted.",
        "High doses can cause {side_effect} and {side_effect2}.",
        "Mixing kratom with {opioid} or alcohol could be dangerous.",
        "Side effects reported by users include {side_effect}, {side_effect2} and {side_effect3}.",
        "Long-term use is linked in some reports to {side_effect}.",
        "The risk of addiction is real, especially with daily use of concentrated extracts.",
        "Kratom can interact with other medicines, so it is wise to check with a pharmacist first.",
        "Anyone taking {med} should be cautious about adding kratom.",
        "Insomnia during withdrawal can be relieved a little by {kratom}, according to many {people}.",
        "{strain} has a reputation for promoting deep, restorative sleep.",
        "Some {people} feel that {kratom} helps them cope with {condition} better than over-the-counter remedies.",
        "Kratom may disrupt sleep when it is taken too close to bedtime.",
        "A few users say the plant improved their focus at work but worsened their sleep.",
        "{kratom} is considered by its fans to be a gentler option for managing {condition}.",
        "Dependence on kratom appears to be milder than dependence on {opioid}, though it still happens.",
    ),
    "negation": (
        "{kratom} is not approved by the FDA for {use}.",
        "Kratom does not cure {condition}.",
        "There is no good evidence that {kratom} cures {condition}.",
        "{kratom} is not a substitute for medical treatment of opioid use disorder.",
        "Standard five-panel drug screens usually do not test for kratom.",
        "Kratom isn't an opioid in the chemical sense, even though it acts on opioid receptors.",
        "It does not seem to slow breathing as much as {opioid}, some researchers argue, but that is not a guarantee.",
        "Stopping kratom after months of daily use is not always easy.",
        "Most users do not report serious side effects at {level} doses.",
        "Kratom should never be mixed with alcohol or sedatives.",
        "It is not clear whether {kratom} actually improves sleep or simply makes people drowsy.",
        "No large clinical trial has tested {kratom} for {condition}.",
        "Kratom is not a controlled substance at the federal level, though several states ban it.",
        "Kratom does not appear to help everyone, and some people feel nothing at all.",
        "Neither mitragynine nor 7-hydroxymitragynine is approved as a medicine.",
        "Kratom won't fix the underlying causes of {condition}.",
        "Capsules don't kick in as quickly as loose powder.",
        "The herb is not recommended during pregnancy or while breastfeeding.",
        "You cannot rely on label claims alone, since product strength varies.",
        "Do not drive or operate machinery after taking {qual}.",
        "Kratom is not a sleeping pill, and treating it like one tends to end badly.",
        "There is no safe dose that has been established for people with liver disease.",
        "{kratom} doesn't stop cravings for everyone, and some people relapse anyway.",
        "This is not medical advice, and nothing here should replace a visit to your doctor.",
    ),
    "evidence": (
        "According to {evidence}, many users took kratom to manage {condition}.",
        "{evidence} found that {pct}% of respondents used kratom for {purpose}.",
        "In {evidence}, most participants said kratom reduced their {symptom}.",
        "{evidence} suggests that kratom may ease {condition}, but the sample was small.",
        "Research suggests that mitragynine has a weaker effect on breathing than morphine.",
        "Studies suggest that {kratom} may improve {condition} in some users.",
        "Preliminary research indicates that kratom's alkaloids affect how long people stay in deep sleep.",
        "A {year} review concluded that the evidence for kratom in {condition} is mostly anecdotal.",
        "Anecdotal reports describe {kratom} as helpful for {condition}, but controlled data are scarce.",
        "Personal accounts on forums range from glowing to cautionary.",
        "Experts warn that survey data rely on self-reports and may overstate the benefits.",
        "Researchers say more trials are needed before firm conclusions can be drawn.",
        "Doctors recommend caution because product strength varies from batch to batch.",
        "A case report described a patient who developed {side_effect} after {weeks} weeks of daily use.",
        "In one small trial, volunteers given {amount} reported feeling more relaxed.",
        "Many users report sleeping better during withdrawal when they use {kratom}.",
        "Kratom has been studied mainly in animals, so human data are limited.",
        "Scientists suggest that the effects depend heavily on dose.",
        "Survey respondents described using {amount} per session on average.",
        "Poison control data show a rise in kratom-related calls since {year}.",
        "A {year} survey of {count} users found that most took kratom to {verb_purpose}.",
        "{evidence} reported that {pct} percent of participants used kratom {timing}.",
        "Findings from {evidence} point to {condition} as the most common reason for use.",
        "Other studies have found that regular users rate their sleep quality as fair or poor.",
        "A rodent study published in {year} found that mitragynine reduced signs of morphine withdrawal.",
        "Researchers have observed that heavy users can develop tolerance within months.",
    ),
    "dose": (
        "Most guides suggest starting with {dose} of {form}.",
        "A typical dose is {dose}, taken {timing}.",
        "For sleep, some users take {dose} {timing}.",
        "Beginners are usually told to begin with {dose} and wait an hour before taking more.",
        "Experienced users often settle on {dose} per serving.",
        "Doses above {amount} are more likely to cause {side_effect}.",
        "Stay under {grams} grams per day if you are new to the plant.",
        "The study gave participants {dose}.",
        "Increase by {step} at a time if needed.",
        "Many people split the day into two servings of {dose}.",
        "A low dose, roughly {low_amount}, tends to feel stimulating.",
        "At around {high_amount} the effect becomes noticeably more sedating.",
        "A high dose, somewhere near {high_amount}, is more likely to feel heavy and sleepy.",
        "Do not take more than {amount} in a single day.",
        "Some forums describe {dose} as the sweet spot for pain.",
        "Mix {dose} into {drink} to mask the bitter taste.",
        "A standard serving is {dose}.",
        "Animal studies have used {per_kg}.",
        "Extracts are far stronger, and {mg} of extract can equal several grams of leaf.",
        "Take {dose} {timing}, no more than {frequency}.",
        "{qual} is usually enough for sleep.",
        "{qual} of red vein is what most people use in the evening.",
        "Start with {qual} and adjust slowly.",
        "{qual} may cause nausea in some users.",
        "Half a teaspoon is roughly one gram of fine powder.",
        "One level teaspoon usually holds about 2 to 3 grams of powder.",
        "{capsule_math}",
        "Tolerance may push people toward {amount} or more.",
        "Melatonin is usually taken at {melatonin} before bed.",
        "For withdrawal, some people take {dose} {frequency} for the first few days.",
        "A common schedule is {amount} in the morning and the same again in the afternoon.",
        "Users who weigh their doses report {dose} as their usual amount.",
        "If {amount} does nothing after an hour, wait until the next day rather than redosing.",
        "Some sources list the upper limit at {grams} grams in a day.",
        "{teaspoon} of {strain} mixed with {drink} is how many people start.",
    ),
    "mechanism": (
        "{agent} {mech_action} {target}.",
        "{agent} acts as a partial agonist at the mu-opioid receptor.",
        "{agent} binds to {target}, which may explain its {effect}.",
        "At low doses, {agent} is thought to act on {target}, producing a stimulating effect.",
        "{agent} is a partial agonist of {target}, so its effect appears to have a ceiling.",
        "Researchers believe that {agent} {mech_action} {target}.",
        "The main alkaloid, mitragynine, also interacts with alpha-2 adrenergic receptors.",
        "7-hydroxymitragynine binds to mu-opioid receptors more strongly than mitragynine does.",
        "Part of the sedative effect may come from activity at {target}.",
        "{agent} appears to block {target}, although the data are mixed.",
        "Some of kratom's alkaloids modulate serotonin and dopamine levels.",
        "Kratom interacts with opioid and GABA receptors, according to some sources.",
        "{agent} is described as a biased agonist at the mu-opioid receptor.",
        "Mitragynine is converted in the liver to 7-hydroxymitragynine, which acts on {target}.",
        "By activating {target}, {agent} dampens pain signaling.",
        "{agent} may increase serotonin levels, which could affect mood and sleep.",
        "Melatonin binds to MT1 and MT2 receptors to signal that it is night.",
        "Kratom may boost melatonin production, though this has not been tested directly.",
        "{agent} does not bind to GABA receptors in the way that sleeping pills do.",
        "The alkaloid stimulates {target}, which helps explain the energy some users feel.",
        "{agent} is described as an antagonist at {target} in some lab studies.",
        "Activity at alpha-2 adrenergic receptors is one reason kratom is compared to clonidine.",
        "Kratom's alkaloids act on {target} and {target2}.",
        "{agent} {hedge} {mech_base} {target}.",
        "Some pharmacologists think that {agent} {mech_action} {target} only at higher doses.",
        "In cell studies, {agent} {mech_action} {target}.",
    ),
    "context": (
        "Kratom is a tropical tree in the coffee family, native to Southeast Asia.",
        "Its leaves have been chewed by farmers and laborers in {country} for generations.",
        "The plant's scientific name is Mitragyna speciosa.",
        "Leaves are picked by hand, dried in the sun or indoors, and then ground into powder.",
        "Vein color refers to the color of the central vein of the leaf at harvest.",
        "Red vein leaves are usually harvested later than white or green ones.",
        "Mitragynine is the most abundant alkaloid in the leaf.",
        "7-hydroxymitragynine is present only in trace amounts in the raw leaf.",
        "Maeng Da is a trade name rather than a botanical variety.",
        "Most kratom sold in the United States comes from {country}.",
        "The tree can grow taller than {tree_height} meters in the wild.",
        "In {country}, the leaves are traditionally brewed into a bitter tea.",
        "Kratom was first described in Western botanical writing in the nineteenth century.",
        "Several states and cities have passed their own rules on kratom sales.",
        "Products range from loose powder and capsules to liquid shots and concentrated extracts.",
        "Opioid withdrawal usually peaks within {days} days of the last dose.",
        "Insomnia is one of the most stubborn symptoms of withdrawal and can last for weeks.",
        "Sleep hygiene covers habits like a regular bedtime, a dark room and less screen time at night.",
        "Tolerance means the same amount produces a weaker effect over time.",
        "Dependence is different from addiction, though the two often overlap.",
        "REM sleep is the stage in which most vivid dreaming happens.",
        "Trade groups have pushed for testing standards for kratom vendors.",
        "Withdrawal from short-acting opioids such as {opioid} tends to start within a day.",
        "Kratom's taste is famously bitter, which is why many people prefer capsules.",
        "Green vein strains are often described as sitting between red and white in effect.",
        "{strain} is named after the region where it is supposedly grown, though the label is often marketing.",
        "The leaves contain more than forty different alkaloids.",
        "Many vendors import their leaf through a handful of wholesalers.",
        "Sleep needs vary, but most adults do best with seven to nine hours a night.",
        "Withdrawal from long-acting opioids such as methadone can drag on for weeks.",
    ),
    "recommend": (
        "Start low and go slow, especially with a new batch.",
        "Keep a simple log of doses and sleep quality for two weeks.",
        "Consult a doctor before combining kratom with {med}.",
        "Avoid taking kratom late in the evening if it keeps you alert.",
        "Buy from vendors that publish lab tests for every batch.",
        "Stay hydrated, since kratom can be drying.",
        "Try to keep at least two days a week kratom-free to limit tolerance.",
        "Use a digital scale rather than measuring spoons for accuracy.",
        "Establish a consistent sleep schedule alongside any supplement.",
        "It is important to talk to a healthcare professional before using kratom for {condition}.",
        "If you are tapering off {opioid}, work out a plan with your prescriber first.",
        "Take a break if you notice {side_effect} or {side_effect2}.",
        "Consider melatonin or sleep hygiene changes before reaching for a stronger strain.",
        "Remember that a new vendor's product may be stronger than what you are used to.",
        "You should never combine kratom with {med} without medical advice.",
        "Keep kratom out of reach of children and pets.",
        "Gradually reduce your daily amount instead of stopping all at once.",
    ),
    "rhetoric": (
        "In this article, we look at what is known about kratom and {condition}.",
        "This guide covers dosing, strains and the main risks.",
        "We will explore how kratom interacts with the body and what users report.",
        "Read on to learn how {vein} strains differ.",
        "Here is what you should know before trying kratom for {purpose}.",
        "In this guide we weigh the evidence on kratom and {condition}.",
        "This article looks at dosing, timing and safety in plain language.",
        "Below, we go through the questions our readers ask most often.",
    ),
    "filler": (
        "Orders placed before {clock} ship the same business day.",
        "Free shipping on all orders over ${free_over}.",
        "We ship from our warehouse in {city} in plain, unmarked packaging.",
        "Tracking numbers are emailed as soon as your parcel leaves the warehouse.",
        "Returns are accepted within {days} days on unopened items.",
        "Delivery usually takes three to five business days within the continental US.",
        "Share this page on {social}.",
        "Subscribe to our newsletter for a weekly roundup of new posts.",
        "Filed under {category}.",
        "Sign in to leave a comment.",
        "Cookies help us run this site, and by continuing you agree to our cookie policy.",
        "{name} is a freelance writer based in {city} who covers health and drug policy.",
        "{name} has written about herbal supplements for {years} years and spends weekends hiking.",
        "About the author: {name} studied botany in {city} and now edits this site.",
        "It rained all week here, so I mostly stayed in and read.",
        "The rainy season in {country} runs from about {month} to {month2}.",
        "Temperatures in the growing regions sit around 30 degrees Celsius most of the year.",
        "The little cafe around the corner finally reopened after the winter break.",
        "This page was last updated on {date}.",
        "Comments are closed on this post.",
        "Photo: dried leaves on a wooden table, taken by our staff photographer.",
        "This post contains affiliate links, which help keep the site running.",
        "Questions? Email us at support@example.org and we will get back to you.",
        "Our team replies to most messages within one working day.",
        "Customer service is open Monday to Friday, 9 am to 5 pm Eastern.",
        "We updated our privacy policy on {date}.",
        "Thanks for reading, and feel free to pass this along to a friend.",
        "Our editors review every article at least once a year.",
        "The farm we visited sits at the end of a muddy road, two hours from the nearest town.",
        "A thunderstorm knocked the power out halfway through writing this, so apologies for any typos.",
        "If you spot a broken link, let us know through the contact form.",
        "The views expressed here belong to the author.",
        "We are a small team of writers, editors and one very patient web developer.",
        "Our office dog, Pepper, has no opinion on any of this.",
        "Posts in this series come out every other {weekday}.",
        "The harvest this year was late because of an unusually dry spring.",
        "Many farmers in {country} also grow rubber, coffee and durian.",
        "Prices on this site are listed in US dollars.",
        "You can browse older posts in the archive.",
        "Our holiday hours are posted on the contact page.",
    ),
    "chatter": (
        "It rained all week here, so I mostly stayed in and read.",
        "My cat knocked the scale off the counter this morning, so that was fun.",
        "Work has been insane this month.",
        "Anyway, back to the point.",
        "Sorry for the long post.",
        "Edit: fixed a typo.",
        "Going to bed now, will update tomorrow.",
        "The heat here is brutal, 35 degrees Celsius in the shade.",
        "Just got back from a long drive to see my folks.",
        "Posting from my phone so excuse the formatting.",
        "The little cafe near my place has decent decaf, which is my new thing.",
        "Been reading this board for a year but never posted before.",
        "My kids think I'm doing a lot better, which means more than anything.",
        "Spent the weekend fixing the fence, my back is paying for it.",
        "It snowed again, in {month}.",
        "Not sure this is the right subforum, mods feel free to move it.",
        "Long time lurker, first post.",
        "Update: still here, still sleeping better.",
    ),
    "anecdote": (
        "I took {dose} of {mystrain} {timing} and slept like a rock for the first time in weeks.",
        "my withdrawal from {myopioid} was brutal, days {day} through {day2} were the worst.",
        "I've been using kratom for about {months} months to stay off {myopioid}.",
        "honestly {mystrain} knocks me out if I go above {amount}.",
        "got the wobbles once after {amount} on an empty stomach, never again lol",
        "tolerance crept up fast, I went from {low_amount} to {high_amount} in a few weeks.",
        "anyone else get restless legs at night around day {day} of withdrawal?",
        "my doctor doesn't know I use it and I'm not sure how to bring it up.",
        "for me {mystrain} helps my back pain but does nothing for sleep.",
        "I stopped {myopioid} cold turkey {weeks} weeks ago and kratom is the only thing that let me sleep.",
        "i usually take {dose} with {drink} around 9pm and I'm out by 11.",
        "switched from capsules to powder and it hits way faster, definitely cheaper too.",
        "the insomnia was the worst part of my taper, way worse than the aches.",
        "I think my last batch was weak because I needed almost double to feel anything.",
        "not gonna lie, the first week off {myopioid} i barely slept at all.",
        "been {days} days clean from {myopioid} and using {dose} twice a day to take the edge off.",
        "{mystrain} before bed works better for me than melatonin ever did.",
        "Tried {dose} of {strain} and felt sick, so I'm going back to a lower dose.",
        "my wife says I sleep more calmly on nights I take it, idk if that's placebo.",
        "I keep my use under {grams} grams a day because I don't want another dependence.",
        "Just wanted to share that I'm {months} months off {myopioid} now and tapering off kratom too.",
        "Does anyone know if {strain} is good for anxiety or is it too speedy?",
        "Last night I took {dose} at 10 and was awake until 3, so clearly not the right strain for me.",
        "honestly the best thing for my sleep has been quitting caffeine, kratom is a close second.",
        "I really think people underestimate how long the post-acute stuff lasts.",
        "probably going to try {vein} next because {mystrain} makes me too sleepy during the day.",
        "Took {qual} yesterday and it was plenty, I didn't need more.",
        "I receive my orders in about a week, the vendor is a lot better than the last one.",
        "Because of my back I can't sleep on my side, kratom helps a lot with that though.",
        "day {day} and the yawning and goosebumps are finally fading.",
        "I was on {myopioid} for {years} years after surgery, getting off was the hardest thing I've done.",
        "My tolerance went through the roof when I dosed every few hours, so now I stick to {frequency}.",
        "if I take it after 6pm I lie awake, if I take it at 4 I sleep fine, weird.",
    ),
    "reply": (
        "same here, {strain} is the only one that doesn't keep me awake.",
        "+1 to what {user} said, go slow.",
        "Be careful mixing that with {opioid}, seriously.",
        "Welcome! You'll find a lot of good advice in the pinned threads.",
        "How long did the insomnia last for you?",
        "thanks for posting this, really helpful.",
        "I'd talk to your doctor about a proper taper plan.",
        "Sounds like a tolerance thing, take a few days off and see.",
        "Did you weigh it or use a spoon? Spoons are all over the place.",
        "glad you're doing better man",
        "this ^",
        "Mods, can we get this pinned?",
        "Got mine from a vendor that posts lab results, no issues so far.",
        "Try taking it earlier in the evening, that fixed it for me.",
        "Congrats on {days} days, that's huge.",
        "For what it's worth, {amount} of {strain} is about where I landed too.",
        "The first two weeks are the worst, it really does get better.",
        "Have you tried magnesium at night? Helped my legs a bit.",
        "I had the same thing with {opioid}, sleep came back around week three.",
        "Honestly you might be taking too much, less is more with this plant.",
    ),
    "news": (
        "According to a {year} survey of {count} users, {pct} percent said they used kratom to {verb_purpose}.",
        "The {agency} said in a statement that kratom has not been approved for any medical use.",
        '"{quote}," said {name}, a {role} at {institution}.',
        '"{quote}," {name} told reporters.',
        "{name}, who runs a kratom shop in {city}, said sales have {trend} since {year}.",
        "Lawmakers in {state} are weighing a bill that would ban sales to anyone under 21.",
        "The bill would also require vendors to label the amount of mitragynine in each product.",
        "Officials said products containing concentrated 7-hydroxymitragynine were the main concern.",
        "Poison control centers recorded {count} kratom-related calls last year, officials said.",
        "Advocates argue that kratom helps many people stay away from opioids.",
        "Critics counter that the products are largely unregulated.",
        "A spokesperson for the company did not respond to a request for comment.",
        "The hearing is scheduled to resume on {date}.",
        "Researchers at {institution} are recruiting volunteers for a small trial of kratom for opioid withdrawal.",
        "The trial will compare {amount} of leaf powder with a placebo.",
        "{name} told the paper that kratom helped after {years} years on prescription {opioid}.",
        "Police said the seized tablets contained {mg} of 7-OH each.",
        "The {agency} did not say how many products were affected.",
        "The measure passed the state senate {votes} and now moves to the house.",
        "In {state}, retailers must already keep kratom behind the counter.",
        "{name} added that most of the calls involved people who had also taken {med}.",
        "The report noted that kratom use was most common among adults aged 30 to 49.",
        "Federal officials have twice considered scheduling the plant and backed off both times.",
        "Store owners say customers mostly ask about sleep and pain.",
        "The city's health director said the agency would revisit the rules next year.",
    ),
    "product": (
        "Our {mystrain} kratom is sourced from small farms in {country}.",
        "Each batch is tested by an independent lab for heavy metals and microbes.",
        "This powder is finely milled and has a smooth, earthy taste.",
        "Customers often choose {mystrain} for evening use.",
        "Capsules are made from plant-based cellulose and contain nothing but leaf powder.",
        "Store in a cool, dry place away from sunlight.",
        "Keep out of reach of children and pets.",
        "Not for sale to anyone under 21.",
        "Available in {bag} and {bag2} resealable pouches.",
        "Sizes: {bag}, {bag2} and {bag3}.",
        "Serving suggestion: mix {dose} with {drink}.",
        "Each bottle holds {capsules}.",
        "Our {bag} bag is the best value at ${price}.",
        "Subscribe and save 10% on every repeat order.",
        "Price: ${price} for a {bag} pouch.",
        "Harvested from mature trees and dried indoors to keep the color consistent.",
        "Lab results for this batch are available on request.",
        "Packed in a food-grade facility in {city}.",
        "{mystrain} is one of our best sellers among customers who shop for evening strains.",
        "Ships within one business day in discreet packaging.",
        "Ground to a fine powder that mixes easily into {drink}.",
    ),
    "review": (
        "Five stars, {mystrain} helps me wind down after a long shift.",
        "Arrived in {days} days and well packed, the taste is rough but it works.",
        "Good for pain, a little too sleepy for daytime.",
        "I take two capsules before bed and wake up less at night.",
        "Not as strong as the last batch, hoping it's a one-off.",
        "Great customer service, they replaced a torn bag right away.",
        "I use {dose} for my back and it lasts most of the afternoon.",
        "Smells like fresh tea, fine texture, no complaints.",
        "Helped me through the tail end of my {opioid} taper.",
        "Too bitter for me straight, much better in {drink}.",
        "Consistent quality, this is my third order.",
        "Gave me a headache at {amount}, better at a lower dose.",
    ),
    "disclaimer": (
        "Nothing on this page has been checked by the FDA, and this product is not offered as a treatment or cure for any illness.",
        "The FDA has not assessed these descriptions, so do not use this product to diagnose or treat a medical condition.",
        "Statements on this page have not been reviewed by the US Food and Drug Administration, and the product is not a medicine.",
        "This listing has not been evaluated by any federal agency, and nothing here is medical advice.",
        "No claim on this page has been confirmed by the FDA, and the product is not meant to prevent or cure anything.",
    ),
}

QUOTES = (
    "We simply do not have good data on long-term use",
    "People are using this to get off opioids, and we need to understand why",
    "It is not a harmless herbal tea when it is sold as a concentrated extract",
    "Most of my customers are working people with back pain",
    "Regulation should focus on purity and labeling, not prohibition",
    "I had not slept a full night in months before I tried it",
    "The science on sleep is still at an early stage",
    "Nobody should be buying this at a gas station without knowing what is in it",
    "We see patients who use it every day and do fine, and others who struggle to stop",
    "The labels on some of these products are simply wrong",
)
TRENDS = ("doubled", "fallen slightly", "held steady", "grown every year", "jumped sharply")
USES = ("any medical use", "treating opioid withdrawal", "sleep disorders", "pain", "anxiety")
VOTES = ("31-2", "24-9", "18-15", "27-6")

# -- headings and titles ---------------------------------------------------------------------------

SECTIONS = {
    "claim": (
        "How Kratom Affects Sleep",
        "Kratom for Opioid Withdrawal",
        "What Users Report",
        "Kratom and Anxiety",
        "Pain Relief",
        "Benefits People Describe",
        "Risks and Side Effects",
        "Tolerance and Dependence",
        "Is Kratom Safe?",
        "Kratom and Insomnia",
        "Red, Green or White for Sleep?",
    ),
    "dose": (
        "Dosage Guidelines",
        "How Much to Take",
        "Finding the Right Dose",
        "Timing Your Dose",
        "Capsules, Powder or Tea?",
        "Dosing for Sleep",
        "Dosing During a Taper",
    ),
    "mechanism": (
        "How Kratom Works",
        "Mechanism of Action",
        "The Alkaloids Behind the Effects",
        "What Happens at the Receptor Level",
        "Kratom and the Brain",
        "Why Dose Changes the Effect",
    ),
    "context": (
        "What Is Kratom?",
        "A Short History of the Plant",
        "Understanding Vein Colors",
        "Where Kratom Comes From",
        "The Legal Picture",
        "Withdrawal, Step by Step",
    ),
    "evidence": ("What the Research Says", "The Evidence So Far", "Surveys and Case Reports", "What Studies Can and Cannot Tell Us"),
    "recommend": ("Practical Tips", "Before You Start", "Staying Safe", "Better Sleep Habits"),
}
CONCLUSIONS = ("Conclusion", "Final Thoughts", "The Bottom Line", "Key Takeaways", "Summary", "In Short")
ARTICLE_TITLES = (
    "Kratom and Sleep: What the Evidence Says",
    "A Practical Guide to Kratom for {purpose_title}",
    "How {strain} Compares for {purpose_title}",
    "Kratom for Opioid Withdrawal: Benefits, Risks and Dosing",
    "Can Kratom Help With {condition_title}?",
    "Mitragynine Explained: How Kratom Works",
    "The Complete Guide to {strain} Kratom",
    "Sleeping Through Withdrawal: Where Kratom Fits",
    "Kratom Dosage for Beginners",
    "Red Vein vs. White Vein Kratom for {purpose_title}",
    "What Happens When You Take Kratom Every Night",
    "Kratom, Tolerance and Dependence: A Plain Guide",
)
FAQ_TITLES = (
    "Kratom FAQ: Common Questions About {purpose_title}",
    "Frequently Asked Questions About Kratom and Sleep",
    "{strain} Kratom: Your Questions Answered",
    "Opioid Withdrawal and Kratom: Questions and Answers",
    "Kratom Dosing FAQ",
    "Questions We Get About Kratom Every Week",
)
FORUM_TITLES = (
    "{mystrain} for sleep?? need advice",
    "day {day} off {myopioid}, kratom helping a bit",
    "anyone else get insomnia from white vein?",
    "tapering off kratom after {months} months - my log",
    "best strain for withdrawal insomnia",
    "{myopioid} to kratom switch, what to expect",
    "is {dose} too much for a beginner",
    "can't sleep, day {day}",
    "kratom and melatonin together?",
    "finally sleeping again (long post)",
)
PRODUCT_NAMES = (
    "{mystrain} Kratom Powder",
    "{mystrain} Kratom Capsules",
    "Premium {mystrain} Powder",
    "{mystrain} Kratom Leaf",
    "Night Blend: {mystrain} Capsules",
    "Organic {mystrain} Kratom",
)
LISTICLE_TITLES = (
    "{n} Things to Know About Kratom and Sleep",
    "{n} Tips for Getting Through Opioid Withdrawal",
    "{n} Mistakes New Kratom Users Make",
    "{n} Facts About Mitragynine",
    "{n} Ways to Sleep Better During Withdrawal",
    "{n} Questions to Ask Before Buying Kratom",
    "{n} Things Nobody Tells You About Kratom Tolerance",
)
LIST_ITEMS = {
    "dose": (
        "Start with a low dose",
        "Timing matters",
        "Weigh your doses",
        "Capsules are slower",
        "Extracts are much stronger",
        "Less is often more for sleep",
    ),
    "claim": (
        "Red vein is not a sleeping pill",
        "Withdrawal insomnia is temporary",
        "Tolerance builds faster than you think",
        "Some people feel nothing",
        "Mixing is risky",
        "The wobbles are a sign to cut back",
        "Dependence is possible",
    ),
    "mechanism": ("It acts on opioid receptors", "Two alkaloids do most of the work", "Dose changes the effect"),
    "context": (
        "Quality varies between vendors",
        "Legal status varies by state",
        "Vein color is partly marketing",
        "It comes from a tree in the coffee family",
    ),
    "recommend": ("Keep a sleep diary", "Talk to your doctor", "Hydration helps", "Sleep hygiene still counts", "Take days off"),
    "negation": ("It is not FDA approved", "It won't fix everything", "It isn't a substitute for treatment"),
}
NEWS_TITLES = (
    "{state} lawmakers weigh new limits on kratom sales",
    "Survey finds many kratom users cite {purpose}",
    "Health officials repeat warning on concentrated kratom products",
    "{city} shop owners brace for kratom rules",
    "Researchers launch trial of kratom for opioid withdrawal",
    "Poison center calls about kratom rise again",
    "City council delays vote on kratom ordinance",
)
QUESTIONS = {
    "claim": (
        "Can kratom help with opioid withdrawal?",
        "Is kratom safe for sleep?",
        "Does {vein} kratom help with {condition}?",
        "Will kratom make me drowsy?",
        "Is kratom addictive?",
        "Can I take kratom with {med}?",
        "Does kratom show up on a drug test?",
        "Can kratom cause insomnia?",
        "What are the side effects of kratom?",
        "Is kratom better than melatonin for sleep?",
    ),
    "dose": (
        "How much kratom should I take for {purpose}?",
        "What is a normal dose of {strain}?",
        "How many capsules equal one teaspoon?",
        "How many grams is too much?",
        "Should I take kratom before bed or in the morning?",
    ),
    "mechanism": (
        "How does kratom work in the brain?",
        "Does mitragynine bind to opioid receptors?",
        "Why does kratom feel different at different doses?",
        "What does 7-hydroxymitragynine do?",
    ),
    "context": (
        "Where does kratom come from?",
        "What do the vein colors mean?",
        "Is kratom legal where I live?",
        "How long does opioid withdrawal last?",
    ),
    "filler": ("Do you ship internationally?", "How is the powder packed?", "Can I return an opened bag?", "How do I contact support?"),
}
LIST_KINDS = tuple(LIST_ITEMS)
BOARDS = ("Withdrawal Support", "Sleep and Insomnia", "Strain Reviews", "Tapering", "General Discussion")
FORUM_FOOTERS = (
    "Page 1 of {pages} | Next >",
    "Reply to this thread",
    "Jump to the latest post",
    "Thread closed after 60 days without replies.",
    "Report this post | Quote | Like",
)
TYPOS = (
    ("definitely", "definately"),
    ("a lot", "alot"),
    ("receive", "recieve"),
    ("because", "bc"),
    ("probably", "prob"),
    ("though", "tho"),
    ("really", "rly"),
    (" the ", " teh "),
    (" you ", " u "),
)
FANCY = (("mu-opioid", "µ-opioid"), (" mcg", " µg"), (" degrees Celsius", " °C"), ("cafe", "café"), (" - ", " — "), ("'", "’"))

# -- the writer: one article's random stream and fixed choices ---------------------------------------


class Writer:
    """Draws every choice of one article from its own ``random.Random``."""

    def __init__(self, rng: random.Random, style: str):
        self.rng = rng
        self.random = rng.random
        self.style = style
        self.fancy = self.random() < FANCY_SHARE
        self.strain = self.pick(STRAINS)
        self.opioid = self.pick(OPIOIDS[:9])
        self.taken: dict[str, tuple] = {}
        self.used: set[int] = set()

    def pick(self, seq):
        return seq[int(self.random() * len(seq))]

    def between(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    def chance(self, p: float) -> bool:
        return self.random() < p

    def unique(self, seq):
        """A pick from ``seq``, drawn again (a few times at most) when this article already used it."""
        used = self.used
        for _ in range(3):
            value = seq[int(self.random() * len(seq))]
            if id(value) not in used:
                break
        used.add(id(value))
        return value

    def say(self, kind: str) -> str:
        """One sentence of ``kind``, its slots filled."""
        return fill(self, self.unique(COMPILED[kind]))

    def paragraph(self, pools: tuple[tuple, ...], low: int, high: int, lead: str | None = None) -> str:
        """``low`` to ``high`` sentences drawn from ``pools``; about half from kind ``lead`` if given."""
        r = self.random
        led = COMPILED[lead] if lead else None
        used = self.used
        out = []
        for _ in range(low + int(r() * (high - low + 1))):
            pool = led if led is not None and r() < 0.5 else pools[int(r() * len(pools))]
            template = pool[int(r() * len(pool))]
            if id(template) in used:
                template = pool[int(r() * len(pool))]
            used.add(id(template))
            text, slots, opens = template
            if slots:
                text = text.format_map({name: slot(self) for name, slot in slots})
                if opens and text[0].islower():
                    text = text[0].upper() + text[1:]
            out.append(text)
        return " ".join(out)


def compile_templates(templates: tuple[str, ...]) -> tuple[tuple[str, tuple, bool], ...]:
    """Each template with the slot functions it needs and whether it opens with a slot."""
    out = []
    for text in templates:
        names = tuple(dict.fromkeys(_SLOT.findall(text)))
        out.append((text, tuple((name, SLOTS[name]) for name in names), text.startswith("{")))
    return tuple(out)


def fill(w: Writer, template: tuple[str, tuple, bool]) -> str:
    text, slots, opens = template
    if slots:
        text = text.format_map({name: slot(w) for name, slot in slots})
        if opens and text[0].islower():
            text = text[0].upper() + text[1:]
    return text


def choice(seq: tuple[str, ...]) -> Callable[[Writer], str]:
    return lambda w: seq[int(w.random() * len(seq))]


def amount(w: Writer) -> str:
    """A numeric amount in one of many written forms, with no qualifier."""
    form = int(w.random() * 20)
    if form < 5:
        low, high = w.pick(RANGES)
        return (f"{low} to {high} grams", f"{low}-{high} g", f"{low}-{high}g", f"between {low} and {high} grams", f"{low} - {high} grams")[
            form
        ]
    grams = w.pick(GRAMS)
    if form < 9:
        return (f"{grams} {'gram' if grams == '1' else 'grams'}", f"{grams} g", f"{grams}g", f"{grams} gms")[form - 5]
    if form < 11:
        return f"{w.pick(MILLIGRAMS)} {'milligrams' if form == 9 else 'mg'} of extract"
    return (
        lambda: f"a {w.pick(CAPSULE_MG)} mg capsule",
        lambda: f"{w.pick(NUMBER_WORDS)} capsules",
        lambda: w.pick(TEASPOONS),
        lambda: f"{w.pick(MICROGRAMS)} mcg",
        lambda: f"{w.pick(NUMBER_WORDS)} grams",
        lambda: f"{w.pick(PER_KG)} mg/kg",
        lambda: f"two {w.pick(CAPSULE_MG)} mg capsules",
        lambda: f"{grams} grams of {w.pick(VEINS)} powder",
        lambda: f"{w.pick(MILLIGRAMS)} milligrams",
    )[form - 11]()


def dose(w: Writer) -> str:
    """An amount, now and then with a qualifier such as "about" or "up to"."""
    if w.random() < 0.3:
        return f"{w.pick(QUALIFIERS)} {amount(w)}"
    return amount(w)


def first(seq: tuple[str, ...], key: str) -> Callable[[Writer], str]:
    """A pick from ``seq`` that later ``fresh`` slots of ``key`` in the same sentence avoid."""

    def slot(w: Writer) -> str:
        value = seq[int(w.random() * len(seq))]
        w.taken[key] = (value,)
        return value

    return slot


def fresh(seq: tuple[str, ...], key: str) -> Callable[[Writer], str]:
    """A pick from ``seq`` unlike those already made for ``key`` in the same sentence."""

    def slot(w: Writer) -> str:
        taken = w.taken.get(key, ())
        value = seq[int(w.random() * len(seq))]
        while value in taken:
            value = seq[int(w.random() * len(seq))]
        w.taken[key] = (*taken, value)
        return value

    return slot


def capsule_math(w: Writer) -> str:
    mg = w.pick(CAPSULE_MG)
    count = w.between(2, 8)
    grams = f"{int(mg) * count / 1000:g}"
    return f"Our capsules hold {mg} mg of leaf each, so {count} capsules come to about {grams} grams."


def evidence(w: Writer) -> str:
    form = int(w.random() * 12)
    if form == 0:
        return f"a {w.between(2014, 2024)} survey of {w.between(150, 12000):,} users"
    if form == 1:
        return f"a review of {w.between(4, 40)} studies"
    if form == 2:
        return f"a {w.between(2015, 2024)} study in {w.pick(COUNTRIES)}"
    return (
        "a small clinical trial",
        "a case report",
        "an online survey",
        "a rodent study",
        "a case series",
        "a pilot study",
        "a cross-sectional survey",
        "a review of anecdotal reports",
        "an analysis of poison center data",
    )[form - 3]


def date(w: Writer) -> str:
    return f"{w.pick(MONTHS)} {w.between(1, 28)}, {w.between(2019, 2025)}"


def handle(w: Writer) -> str:
    tail = "" if w.chance(0.4) else str(w.between(1, 99))
    return f"{w.pick(HANDLE_HEADS)}{w.pick(HANDLE_TAILS)}{tail}"


def name(w: Writer) -> str:
    return f"{w.pick(FIRST_NAMES)} {w.pick(LAST_NAMES)}"


SLOTS: dict[str, Callable[[Writer], str]] = {
    "kratom": choice(KRATOM),
    "strain": choice(STRAINS),
    "mystrain": lambda w: w.strain,
    "vein": choice(VEINS),
    "color": first(COLORS, "color"),
    "color2": fresh(COLORS, "color"),
    "alkaloid": choice(ALKALOIDS),
    "agent": choice(AGENTS),
    "mech_action": choice(MECH_ACTIONS),
    "mech_base": choice(MECH_BASE),
    "target": first(TARGETS, "target"),
    "target2": fresh(TARGETS, "target"),
    "hedge": choice(HEDGES),
    "help": choice(HELPS),
    "condition": choice(CONDITIONS),
    "symptom": first(SYMPTOMS, "symptom"),
    "symptom2": fresh(SYMPTOMS, "symptom"),
    "opioid": choice(OPIOIDS),
    "myopioid": lambda w: w.opioid,
    "side_effect": first(SIDE_EFFECTS, "side_effect"),
    "side_effect2": fresh(SIDE_EFFECTS, "side_effect"),
    "side_effect3": fresh(SIDE_EFFECTS, "side_effect"),
    "med": choice(MEDS),
    "purpose": choice(PURPOSES),
    "verb_purpose": choice(VERB_PURPOSES),
    "timing": choice(TIMINGS),
    "frequency": choice(FREQUENCIES),
    "qual": choice(QUALITATIVE),
    "level": choice(LEVELS),
    "form": choice(FORMS),
    "drink": choice(DRINKS),
    "feeling": choice(FEELINGS),
    "effect": choice(EFFECTS),
    "people": choice(PEOPLE),
    "country": choice(COUNTRIES),
    "city": choice(US_CITIES),
    "state": choice(STATES),
    "role": choice(ROLES),
    "institution": choice(INSTITUTIONS),
    "agency": choice(AGENCIES),
    "month": first(MONTHS, "month"),
    "month2": fresh(MONTHS, "month"),
    "category": choice(CATEGORIES),
    "social": choice(SOCIAL),
    "clock": choice(CLOCKS),
    "bag": first(BAGS, "bag"),
    "bag2": fresh(BAGS, "bag"),
    "bag3": fresh(BAGS, "bag"),
    "capsules": choice(CAPSULE_PACKS),
    "step": choice(SMALL_STEPS),
    "melatonin": choice(MELATONIN),
    "teaspoon": choice(TEASPOONS),
    "quote": choice(QUOTES),
    "trend": choice(TRENDS),
    "use": choice(USES),
    "votes": choice(VOTES),
    "weekday": choice(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")),
    "dose": dose,
    "amount": amount,
    "low_amount": choice(LOW_AMOUNTS),
    "high_amount": choice(HIGH_AMOUNTS),
    "capsule_math": capsule_math,
    "evidence": evidence,
    "date": date,
    "name": name,
    "user": handle,
    "grams": choice(("5", "8", "10", "12", "15")),
    "mg": lambda w: f"{w.pick(MILLIGRAMS)} {'mg' if w.chance(0.5) else 'milligrams'}",
    "per_kg": lambda w: f"{w.pick(PER_KG)} mg/kg",
    "year": lambda w: str(w.between(2014, 2024)),
    "count": lambda w: f"{w.between(120, 12000):,}",
    "pct": lambda w: str(w.between(8, 92)),
    "price": lambda w: f"{w.between(9, 189)}.{w.pick(('99', '49', '95', '00'))}",
    "free_over": choice(("49", "75", "99")),
    "days": lambda w: str(w.between(2, 14)),
    "day": lambda w: str(w.between(2, 6)),
    "day2": lambda w: str(w.between(7, 10)),
    "weeks": lambda w: str(w.between(2, 12)),
    "months": lambda w: str(w.between(2, 18)),
    "years": lambda w: str(w.between(2, 15)),
    "tree_height": choice(("10", "15", "20", "25")),
    "pages": lambda w: str(w.between(2, 9)),
    "purpose_title": lambda w: w.pick(PURPOSES).title(),
    "condition_title": lambda w: w.pick(CONDITIONS).title(),
}

COMPILED = {kind: compile_templates(templates) for kind, templates in TEMPLATES.items()}
COMPILED.update({f"q-{kind}": compile_templates(q) for kind, q in QUESTIONS.items()})
for _key, _titles in (
    ("t-article", ARTICLE_TITLES),
    ("t-faq", FAQ_TITLES),
    ("t-forum", FORUM_TITLES),
    ("t-product", PRODUCT_NAMES),
    ("t-news", NEWS_TITLES),
    ("forum-footer", FORUM_FOOTERS),
):
    COMPILED[_key] = compile_templates(_titles)


# -- mixes of sentence kinds per style ---------------------------------------------------------------


def mix(**weights: int) -> tuple[tuple, ...]:
    """Template pools, each kind's as many times as its weight, for uniform picks."""
    return tuple(COMPILED[kind] for kind, weight in weights.items() for _ in range(weight))


MIXES = {
    "article": mix(claim=22, negation=6, evidence=10, dose=10, mechanism=7, context=14, recommend=6, filler=6, chatter=2),
    "faq": mix(claim=20, negation=8, evidence=8, dose=12, mechanism=6, context=10, recommend=8, filler=6),
    "forum": mix(anecdote=46, claim=10, dose=8, negation=4, mechanism=3, chatter=8, reply=8),
    "product": mix(product=36, claim=14, dose=14, context=10, filler=12, negation=4, recommend=6),
    "listicle": mix(claim=20, negation=6, evidence=8, dose=12, mechanism=6, context=12, recommend=12, filler=6),
    "news": mix(news=44, evidence=14, claim=10, negation=10, context=12, mechanism=3, dose=4, filler=3),
}
FILLER = mix(filler=1)
REVIEWS = mix(review=2, anecdote=1)


@functools.cache
def topic_aliases() -> tuple[str, ...]:
    """Lower-case topic aliases of the package's taxonomy, in file order, for tag lines."""
    path = importlib.resources.files("kratom_dataset") / "lexicons" / "taxonomy.json"
    topics = json.loads(path.read_text(encoding="utf-8"))["topics"]
    return tuple(a for t in topics for a in t["aliases"] if a.islower() and len(a) > 3)


def tags(w: Writer) -> str:
    aliases = topic_aliases()
    chosen = [w.pick(aliases) for _ in range(w.between(3, 6))]
    return "Tags: " + ", ".join(dict.fromkeys(chosen))


# -- page layouts by style -------------------------------------------------------------------------


class Page:
    """Blocks of one article, joined by blank lines, with a running character count."""

    def __init__(self, target: int):
        self.blocks: list[str] = []
        self.size = 0
        self.target = target

    def add(self, block: str) -> None:
        self.blocks.append(block)
        self.size += len(block) + 2

    @property
    def short(self) -> bool:
        return self.size < self.target

    def text(self) -> str:
        return "\n\n".join(self.blocks) + "\n"


def section_kind(w: Writer) -> str:
    return w.pick(("claim", "claim", "dose", "mechanism", "context", "evidence", "recommend"))


def bullets(w: Writer, kind: str) -> str:
    return "\n".join(f"- {w.say(kind)}" for _ in range(w.between(3, 5)))


def footer(w: Writer, page: Page) -> None:
    if w.chance(0.6):
        page.add(w.paragraph(FILLER, 1, 3))
    if w.chance(0.5):
        page.add(tags(w))


def article_page(w: Writer, page: Page) -> str:
    kinds = MIXES["article"]
    title = w.say("t-article")
    page.add(f"# {title}")
    if w.chance(0.5):
        page.add(f"By {name(w)} | Updated {date(w)} | {w.between(3, 14)} min read")
    page.add(w.say("rhetoric") + " " + w.paragraph(kinds, 1, 3))
    while page.short:
        kind = section_kind(w)
        page.add(f"## {w.unique(SECTIONS[kind])}")
        for _ in range(w.between(1, 3)):
            page.add(w.paragraph(kinds, 2, 6, lead=kind))
        if w.chance(0.25):
            page.add(bullets(w, kind))
    if w.chance(0.6):
        page.add(f"## {w.pick(CONCLUSIONS)}")
        page.add(w.paragraph(kinds, 2, 4, lead="claim"))
    footer(w, page)
    return title


def faq_page(w: Writer, page: Page) -> str:
    kinds = MIXES["faq"]
    title = w.say("t-faq")
    page.add(f"# {title}")
    page.add(w.paragraph(kinds, 1, 3, lead="rhetoric"))
    while page.short:
        kind = w.pick(("claim", "claim", "dose", "dose", "mechanism", "context", "filler"))
        page.add(f"### {w.say('q-' + kind)}")
        lead = {"filler": "filler", "context": "context"}.get(kind, kind)
        for _ in range(w.between(1, 2)):
            page.add(w.paragraph(kinds, 2, 5, lead=lead))
    page.add(w.paragraph(FILLER, 1, 2))
    return title


def forum_post(w: Writer, low: int, high: int) -> str:
    kinds = MIXES["forum"]
    text = w.paragraph(kinds, low, high, lead="anecdote")
    if w.chance(0.3):
        text = text.lower()
    if w.chance(0.4):
        old, new = w.pick(TYPOS)
        text = text.replace(old, new, 1)
    return text


def forum_page(w: Writer, page: Page) -> str:
    title = w.say("t-forum")
    page.add(f"{title}\n{w.pick(BOARDS)} | started by {handle(w)} on {date(w)}")
    for _ in range(w.between(1, 3)):
        page.add(forum_post(w, 2, 6))
    while page.short:
        who = handle(w)
        header = w.pick((f"{who} replied:", f"{who} wrote:", f"Re: {title} ({who})", f"Reply from {who}"))
        body = "\n\n".join(forum_post(w, 1, 4) for _ in range(w.between(1, 2)))
        if w.chance(0.3):
            body = w.say("reply") + "\n\n" + body
        page.add(f"{header}\n{body}")
    page.add(w.say("forum-footer"))
    return title


def product_page(w: Writer, page: Page) -> str:
    kinds = MIXES["product"]
    title = w.say("t-product")
    page.add(f"# {title}")
    page.add(f"**${w.between(9, 149)}.99** | {w.between(3, 480)} reviews | In stock")
    sizes = sorted({w.pick(BAGS) for _ in range(3)}, key=BAGS.index)
    lines = [f"- {size} - ${w.between(9, 189)}.99" for size in sizes]
    lines.append(f"- {w.pick(CAPSULE_PACKS)} - ${w.between(19, 79)}.99")
    page.add("## Sizes\n\n" + "\n".join(lines))
    page.add(f"## About {w.strain}")
    page.add(w.paragraph(kinds, 3, 6, lead="product"))
    page.add("## Suggested use")
    page.add(w.paragraph(kinds, 2, 4, lead="dose"))
    page.add(w.say("disclaimer"))
    page.add("## Customer reviews")
    while page.short:
        if w.chance(0.3):
            page.add(w.paragraph(kinds, 2, 5, lead="product"))
        else:
            page.add(f"{handle(w)} rated it {w.between(2, 5)} out of 5: {w.paragraph(REVIEWS, 1, 3)}")
    page.add(w.paragraph(FILLER, 1, 2))
    return title


def listicle_page(w: Writer, page: Page) -> str:
    kinds = MIXES["listicle"]
    as_headings = w.chance(0.6)
    per_item = 1 + page.target // 6000
    page.add("")
    page.add(w.paragraph(kinds, 2, 4, lead="rhetoric"))
    number = 0
    while page.short or number < 3:
        number += 1
        kind = w.pick(LIST_KINDS)
        item = w.unique(LIST_ITEMS[kind])
        body = "\n\n".join(w.paragraph(kinds, 2, 4, lead=kind) for _ in range(w.between(1, per_item)))
        page.add(f"## {number}. {item}\n\n{body}" if as_headings else f"{number}. **{item}.** {body}")
    if w.chance(0.5):
        page.add(f"## {w.pick(CONCLUSIONS)}\n\n{w.paragraph(kinds, 1, 3, lead='claim')}")
    footer(w, page)
    title = w.pick(LISTICLE_TITLES).format(n=number)
    page.blocks[0] = f"# {title}"
    page.size += len(title) + 2
    return title


def news_page(w: Writer, page: Page) -> str:
    kinds = MIXES["news"]
    title = w.say("t-news")
    page.add(title)
    page.add(f"By {name(w)} | {w.pick(OUTLETS)}\nPublished {date(w)}")
    page.add(f"{w.pick(US_CITIES).upper()} - " + w.paragraph(kinds, 2, 3, lead="news"))
    while page.short:
        page.add(w.paragraph(kinds, 1, 4, lead="news"))
    if w.chance(0.5):
        page.add(f"Contact {name(w)} at newsroom@example.org.")
    if w.chance(0.3):
        page.add("This story has been updated with comment from state officials.")
    return title


LAYOUTS = {
    "article": article_page,
    "listicle": listicle_page,
    "faq": faq_page,
    "forum": forum_page,
    "product": product_page,
    "news": news_page,
}

# -- articles ---------------------------------------------------------------------------------------


def target_size(w: Writer) -> int:
    """Characters to aim for: skewed like web pages, most a few KB, a long tail to ~17 KB.

    The product of two uniforms gives the skew with arithmetic alone, so no floating-point
    library difference between machines can change a size.
    """
    return MIN_TARGET + int((MAX_TARGET - MIN_TARGET) * w.random() * w.random())


def fancy(text: str) -> str:
    """Typographic punctuation and a few non-ASCII spellings, as some sites write them."""
    text = _QUOTED.sub("“\\1”", text)
    for old, new in FANCY:
        text = text.replace(old, new)
    return text


def slug(title: str) -> str:
    return _NOT_SLUG.sub("-", title.lower()).strip("-")[:60].rstrip("-")


def retrieved_at(w: Writer) -> str:
    start = dt.datetime(2023, 6, 1, tzinfo=dt.timezone.utc)
    when = start + dt.timedelta(minutes=int(w.random() * 2.5 * 365 * 24 * 60))
    return when.strftime("%Y-%m-%dT%H:%M:00Z")


def make_article(seed: int, n: int) -> dict:
    """Article ``n`` of ``seed``: the same dict every time, whatever was made before it."""
    rng = random.Random(f"{seed}:{n}")
    style = STYLES[_style_index(rng.random())]
    w = Writer(rng, style)
    page = Page(target_size(w))
    title = LAYOUTS[style](w, page)
    text = page.text()
    if w.fancy:
        text, title = fancy(text), fancy(title)
    return {
        "id": f"gen-{seed}-{n:08d}",
        "url": f"https://example.org/{style}/{slug(title)}-{n}",
        "title": title,
        "retrieved_at": retrieved_at(w),
        "text": text,
        "style": style,
    }


_CUMULATIVE = tuple(sum(STYLE_WEIGHTS[: i + 1]) / sum(STYLE_WEIGHTS) for i in range(len(STYLES)))


def _style_index(u: float) -> int:
    for i, edge in enumerate(_CUMULATIVE):
        if u < edge:
            return i
    return len(STYLES) - 1


def articles(seed: int = 0) -> Iterator[dict]:
    """Every article of ``seed``, in order, without end."""
    n = 0
    while True:
        yield make_article(seed, n)
        n += 1


# -- writing ----------------------------------------------------------------------------------------


def utf8_size(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8"))


class JsonlSink:
    """JSON Lines shards ``part-00000.jsonl``, ... of at most ``shard_bytes`` each (one line may exceed it)."""

    def __init__(self, folder: Path, shard_bytes: int):
        self.folder = folder
        self.shard_bytes = shard_bytes
        self.files = 0
        self.size = 0
        self.fh = None

    def write(self, article: dict) -> None:
        line = (json.dumps({k: article[k] for k in FIELDS}, ensure_ascii=False) + "\n").encode("utf-8")
        if self.fh is None or (self.size and self.size + len(line) > self.shard_bytes):
            self.close()
            self.fh = (self.folder / f"part-{self.files:05d}.jsonl").open("wb")
            self.files += 1
            self.size = 0
        self.fh.write(line)
        self.size += len(line)

    def close(self) -> None:
        if self.fh is not None:
            self.fh.close()
            self.fh = None


class TxtSink:
    """One ``{id}.md`` or ``{id}.txt`` file per article, ``per_folder`` to a numbered subfolder."""

    def __init__(self, folder: Path, per_folder: int):
        self.folder = folder
        self.per_folder = per_folder
        self.files = 0

    def write(self, article: dict) -> None:
        sub = self.folder / f"{self.files // self.per_folder:05d}"
        if self.files % self.per_folder == 0:
            sub.mkdir(exist_ok=True)
        suffix = ".md" if article["style"] in MARKDOWN_STYLES else ".txt"
        (sub / f"{article['id']}{suffix}").write_bytes(article["text"].encode("utf-8"))
        self.files += 1

    def close(self) -> None:
        pass


def clear(folder: Path) -> None:
    """Remove what an earlier run left in ``folder``: shards, and article files in numbered subfolders."""
    for path in folder.iterdir():
        if path.is_file() and _SHARD_NAME.fullmatch(path.name):
            path.unlink()
        elif path.is_dir() and _FOLDER_NAME.fullmatch(path.name):
            for file in path.iterdir():
                if file.is_file() and _FILE_NAME.fullmatch(file.name):
                    file.unlink()
            if not any(path.iterdir()):
                path.rmdir()


def generate(
    mb: float,
    out: Path | str,
    *,
    seed: int = 0,
    fmt: str = "jsonl",
    shard_bytes: int = SHARD_BYTES,
    per_folder: int = FILES_PER_FOLDER,
) -> dict:
    """Write articles of ``seed`` to ``out`` until their text reaches ``mb`` MB (10^6 bytes).

    Returns ``articles``, ``bytes`` (UTF-8 bytes of article text written) and ``files``.
    Files of an earlier run in ``out`` are replaced.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if not mb > 0:
        raise ValueError(f"mb must be positive, not {mb!r}")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    clear(folder)
    sink = JsonlSink(folder, shard_bytes) if fmt == "jsonl" else TxtSink(folder, per_folder)
    limit = mb * MB
    count = total = 0
    try:
        for article in articles(seed):
            sink.write(article)
            count += 1
            total += utf8_size(article["text"])
            if total >= limit:
                break
    finally:
        sink.close()
    return {"articles": count, "bytes": total, "files": sink.files}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, required=True, help="megabytes (10^6) of article text to write")
    ap.add_argument("--out", required=True, help="folder to write into")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    ap.add_argument("--format", choices=FORMATS, default="jsonl", help="JSONL shards or one file per article")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    counts = generate(args.mb, args.out, seed=args.seed, fmt=args.format)
    seconds = time.perf_counter() - started
    print(
        f"{counts['articles']} articles, {counts['bytes'] / MB:.2f} MB of text, {counts['files']} files "
        f"in {seconds:.1f} s ({counts['bytes'] / MB / seconds:.1f} MB/s)"
    )


if __name__ == "__main__":
    main()
