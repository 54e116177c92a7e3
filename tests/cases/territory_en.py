"""English territory cases: a sentence in, the (actor, place, status) claims out.

Written for the project. A claim is ``(actor, place, status)`` with the actor and
the place as the actors table and the gazetteer name them; the claims of a
sentence are compared as a set. A fourth element, a dict, names fields the claim
must also carry (``from_actor``, ``attributed_to``, ``certainty``, ``past``,
``actor_group``, ``share_pct``, ``population``). An empty list is a negative case:
the sentence names places and perhaps armed groups, but claims no control over a place.
"""

from pytest import mark, param

GAP = mark.xfail(strict=True, reason="known gap")

CASES = [
    # controls
    param("Islamic State fighters still control Raqqa.", [("Islamic State", "Raqqa", "controls")], id="control"),
    param("Mosul has been under the control of Islamic State since 2014.", [("Islamic State", "Mosul", "controls")], id="under-the-control-of"),
    param("The town of Douma is held by Jaish al-Islam.", [("Jaish al-Islam", "Douma", "controls")], id="held-by"),
    param("Heavy shelling hit the IS-held district of Hajar al-Aswad.", [("Islamic State", "Hajar al-Aswad", "controls")], id="is-held"),
    param("Air strikes hit the Faylaq al-Rahman-held towns of Arbin and Zamalka.",
          [("Faylaq al-Rahman", "Arbin", "controls"), ("Faylaq al-Rahman", "Zamalka", "controls")], id="multiword-held-list"),
    param("Shelling hit the IS-controlled camp of Yarmouk and the nearby district of Tadamon.",
          [("Islamic State", "Yarmouk", "controls")], id="held-stops-at-list-end"),
    param("Rebels hold the southern pocket around Arbin.", [("rebels", "Arbin", "controls")], id="rebels-hold"),
    param("The Houthis occupy Sanaa.", [("Houthis", "Sanaa", "controls")], id="occupy"),
    param("Government forces now control 70 percent of Eastern Ghouta.", [("Syrian government", "Eastern Ghouta", "controls")], id="control-percent"),
    param("Islamic State controls less than 5 percent of Syria.", [("Islamic State", "Syria", "controls")], id="controls-country-share"),
    param("Harasta is under the control of Ahrar al-Sham, while Faylaq al-Rahman holds Arbin.",
          [("Ahrar al-Sham", "Harasta", "controls"), ("Faylaq al-Rahman", "Arbin", "controls")], id="two-clauses"),
    # captured
    param("Iraqi forces recaptured Tikrit from Islamic State.", [("Iraqi government", "Tikrit", "captured")], id="recaptured-from"),
    param("Iraqi forces retook the towns of Jalula and Saadiya.",
          [("Iraqi government", "Jalula", "captured"), ("Iraqi government", "Saadiya", "captured")], id="retook-list"),
    param("Islamic State seized Palmyra in May 2015.", [("Islamic State", "Palmyra", "captured")], id="seized"),
    param("Russian troops captured Mariupol.", [("Russian government", "Mariupol", "captured")], id="captured"),
    param("The Syrian Democratic Forces liberated Raqqa.", [("Syrian Democratic Forces", "Raqqa", "captured")], id="liberated"),
    param("The Libyan National Army captured Benghazi.", [("Libyan National Army", "Benghazi", "captured")], id="lna-captured"),
    param("Kurdish Peshmerga forces recaptured Bashir.", [("Peshmerga", "Bashir", "captured")], id="peshmerga"),
    param("Iraqi troops retook control of Ramadi.", [("Iraqi government", "Ramadi", "captured")], id="retook-control-of"),
    param("Islamic State took hold of Tallat Bahouta last night.", [("Islamic State", "Tallat Bahouta", "captured")], id="took-hold-of"),
    # headlines in the present tense
    param("Al-Shabaab takes control of Baidoa after Ethiopian troops withdrew.",
          [("al-Shabaab", "Baidoa", "captured")], id="takes-control-of-after-withdrawal"),
    param("Iraqi army recaptures Tikrit.", [("Iraqi government", "Tikrit", "captured")], id="present-recaptures"),
    param("Islamic State seizes Palmyra.", [("Islamic State", "Palmyra", "captured")], id="present-seizes"),
    param("Tikrit was recaptured by Iraqi forces.", [("Iraqi government", "Tikrit", "captured")], id="passive-by"),
    # the past perfect in a relative clause tells the control the event starts from (see had-been-seized-relative)
    param("The army advanced on Palmyra, which Islamic State had seized in 2015.", [("Islamic State", "Palmyra", "controls")], id="which-seized"),
    # lost
    param("Islamic State was driven out of Fallujah.", [("Islamic State", "Fallujah", "lost")], id="driven-out-of"),
    param("Rebels withdrew from Aleppo.", [("rebels", "Aleppo", "lost")], id="withdrew-from"),
    param("Islamic State lost Mosul in 2017.", [("Islamic State", "Mosul", "lost")], id="lost"),
    param("Bashir is no longer controlled by Islamic State.", [("Islamic State", "Bashir", "lost")], id="no-longer-controlled-by"),
    # besieged, contested, seeks_control
    param("Government forces have besieged Eastern Ghouta since 2013.", [("Syrian government", "Eastern Ghouta", "besieged")], id="besieged"),
    param("Eastern Ghouta has been besieged by Syrian government forces since 2013.", [("Syrian government", "Eastern Ghouta", "besieged")], id="besieged-by"),
    param("Iraqi forces encircled Fallujah.", [("Iraqi government", "Fallujah", "besieged")], id="encircled"),
    param("Russian forces are fighting for Bakhmut.", [("Russian government", "Bakhmut", "contested")], id="fighting-for"),
    param("Iraqi forces launched an offensive to retake Mosul.", [("Iraqi government", "Mosul", "seeks_control")], id="offensive-to-retake"),
    param("The Syrian army vowed to retake Idlib.", [("Syrian government", "Idlib", "seeks_control")], id="vowed-to-retake"),
    param("The militants want to control Sirte.", [("militants", "Sirte", "seeks_control")], id="want-to-control"),
    param("A truce would give the rebels full control of Daraa.", [], id="no-would-give-control"),
    # negatives
    param("The ceasefire took effect in Douma on Sunday.", [], id="no-took-effect"),
    param("The meeting took place in Baghdad.", [], id="no-took-place"),
    param("Five soldiers lost their lives in Tikrit.", [], id="no-lost-lives"),
    param("Islamic State lost 57 fighters in Hajar al-Aswad.", [], id="no-lost-fighters"),
    param("The wounded were taken to a hospital in Aleppo.", [], id="no-taken-to-hospital"),
    param("The battle for Mosul has lasted nine months.", [], id="no-battle-without-party"),
    param("Residents fled Raqqa by the thousands.", [], id="no-fled"),
    param("The minister visited Kabul on Monday.", [], id="no-visit"),
    param("Two car bombs exploded in Baghdad, killing 20 people.", [], id="no-bombs"),
    param("The UN envoy held talks in Damascus.", [], id="no-talks"),
    param("The president took office in Kabul in 2014.", [], id="no-took-office"),
    param("Prices in Damascus have risen sharply.", [], id="no-prices"),
    param("Aid convoys entered Douma on Monday.", [], id="no-aid-convoys"),
    param("The Britain-based monitor tracks the war in Syria.", [], id="no-monitor"),

    # -- who took which place, from whom, by whose account -------------------------------------------------------
    # the taker is the agent of the verb, never a speaker; the place is the verb's object or subject
    param("Kyiv denied that Russian troops had taken Krynky.",
          [("Russian government", "Krynky", "captured",
            {"certainty": "denied", "attributed_to": "Ukrainian government", "actor_group": "state"})], id="denied"),
    param("Russia said its forces had taken full control of Mariupol.",
          [("Russian government", "Mariupol", "captured", {"attributed_to": "Russian government"})],
          id="its-forces-speaker"),
    param("Bakhmut fell to Russian forces.", [("Russian government", "Bakhmut", "captured")], id="fell-to"),
    param("Rebels captured the town of Kapoeta, but the government denied the claim.",
          [("rebels", "Kapoeta", "captured", {"certainty": "denied"})], id="denied-after"),
    param("Iraqi forces have reportedly retaken Bashir.",
          [("Iraqi government", "Bashir", "captured", {"certainty": "uncertain"})], id="reportedly-uncertain"),
    param("The army recovered Tikrit from Islamic State.",
          [("Iraqi government", "Tikrit", "captured", {"from_actor": "Islamic State"})], id="recovered-from"),
    param("Security forces drove Boko Haram out of Bama.",
          [("Nigerian government", "Bama", "captured", {"from_actor": "Boko Haram"})], id="drove-out-of"),
    param("Boko Haram was driven out of Bama.", [("Boko Haram", "Bama", "lost")], id="driven-out-passive"),
    param("Military forces capture Buni Yadi and Buni Gari from Boko Haram.",
          [("military forces", "Buni Yadi", "captured", {"from_actor": "Boko Haram", "actor_group": "state"}),
           ("military forces", "Buni Gari", "captured")], id="unknown-names-from"),
    param("Iraqi forces and Kurdish Peshmerga forces retook Bashir.",
          [("Iraqi government", "Bashir", "captured"), ("Peshmerga", "Bashir", "captured")], id="coordinated-takers"),
    # gains and losses, with the loser's side; transfers without fighting
    param("Al-Shabaab overtook Bula Golol on Sunday without resistance.",
          [("al-Shabaab", "Bula Golol", "captured", {"actor_group": "non_state"})], id="overtook"),
    param("Kurdish forces made gains in Manbij.",
          [("Kurdish forces", "Manbij", "captured", {"actor_group": "non_state"})], id="made-gains-in"),
    param("Islamic State took over Palmyra.", [("Islamic State", "Palmyra", "captured")], id="took-over"),
    param("The rebels handed over Douma to government forces.",
          [("Syrian government", "Douma", "captured", {"from_actor": "rebels"})], id="handed-over-to"),
    param("The militants retreated from Fallujah.", [("militants", "Fallujah", "lost")], id="retreated-from"),
    param("Islamic State fighters are in retreat from Raqqa.", [("Islamic State", "Raqqa", "lost")],
          id="in-retreat-from"),
    param("Nigerian forces recaptured two towns, Gujba and Gulani.",
          [("Nigerian government", "Gujba", "captured"), ("Nigerian government", "Gulani", "captured")],
          id="plural-with-names"),
    # percentages and populations with their holder
    param("Government troops hold 60 percent of Hajar al-Aswad.",
          [("Syrian government", "Hajar al-Aswad", "controls", {"share_pct": 60.0})], id="government-holds-share"),
    param("More than 10 million people lived under the rule of Islamic State in Syria.",
          [("Islamic State", "Syria", "controls", {"population": 10000000})], id="population-under-rule"),
    # past control; intent
    param("Kandahar, a former stronghold of the Taliban, is quiet.",
          [("Taliban", "Kandahar", "controls", {"past": True})], id="former-stronghold"),
    param("Government forces launched an offensive to retake Palmyra.",
          [("Syrian government", "Palmyra", "seeks_control")], id="intent"),
    # sides: no default to the state when the subject is unknown or foreign
    param("Ethiopian troops took over a police station in North Horr.",
          [("Ethiopian government", "North Horr", "captured")], id="foreign-forces"),
    param("Unidentified gunmen took over the village of Damase.",
          [("gunmen", "Damase", "captured", {"actor_group": "non_state"})], id="gunmen"),
    param("The town was recaptured on Sunday.", [], id="no-unknown-taker"),
    # not territory: people, vehicles, weapons, goods; movement; a country in a modifier; populations
    param("Rebels seized four motorbikes in Idlib.", [], id="no-motorbikes"),
    param("The SDF captured 2 QSD operatives in Raqqa.", [], id="no-operatives"),
    param("A soldier was taken as a hostage in Kunduz.", [], id="no-hostage"),
    param("The militants seized the phones of the passengers in Kunduz.", [], id="no-phones"),
    param("2 Turkish military convoys entered Idleb.", [], id="no-convoys-entered"),
    param("Iraqi troops, in a U.S.-backed offensive, pushed toward Mosul.", [], id="no-us-backed"),
    param("Afrin was home to some 350,000 people.", [], id="no-home-to"),
    param("32 buses took about 1,600 people out of Yarmouk.", [], id="no-buses"),
    param("If the army retakes Idlib, the rebels will be trapped.", [], id="no-supposition"),
    # a building overwhelmed in an attack is no claim on the place around it; a position overrun is a capture
    param("Gunmen stormed a police station in Kanamma and overran the station, killing two officers.", [],
          id="no-station-overran"),
    param("Militants overran the Kanamma police station before dawn.", [], id="no-named-station-overran"),
    param("Boko Haram overran the army base in Monguno.", [("Boko Haram", "Monguno", "captured")],
          id="base-overran"),
    param("Al-Shabaab seized Bacaadley (Bacaadweyne, Mudug) from government troops.",
          [("al-Shabaab", "Bacaadley", "captured", {"from_actor": "Somali government"})], id="bracket-then-from"),
    # a division after a place, a comma between, says where it lies
    param("Soldiers took complete control of Mubi, Adamawa State, as Boko Haram militants fled the town.",
          [("Nigerian government", "Mubi", "captured")], id="place-comma-its-state"),
    # a description ("the town") points back to a place the gazetteer knows, in an earlier sentence
    param("Boko Haram clashed with troops in Mubi on Friday. It was later reported Boko Haram had taken over the town.",
          [("Boko Haram", "Mubi", "captured")], id="the-town-of-an-earlier-sentence"),
    # "if" after a word of knowing asks a question: no claim
    param("It is unclear if government troops regained control of Gwoza after the clashes.", [],
          id="no-unclear-if"),
    # a capture in the past perfect, in a relative clause set off by a comma: the control the event starts from
    param("Troops tried to retake Damboa, which had been seized by Boko Haram two days earlier.",
          [("Nigerian government", "Damboa", "seeks_control"), ("Boko Haram", "Damboa", "controls")],
          id="had-been-seized-relative"),
    param("Officials said that Kurdish forces had taken Bashir after surrounding it.",
          [("Kurdish forces", "Bashir", "captured")], id="said-that-had-taken"),
    # driving out "the attackers" repels an attack; driving out a named side takes the place from it
    param("Boko Haram stormed Biu at dawn, but soldiers drove the attackers out of the town.", [],
          id="no-drove-the-attackers-out"),
    param("Soldiers drove Boko Haram out of Biu after a day of fighting.",
          [("Nigerian government", "Biu", "captured", {"from_actor": "Boko Haram"})], id="drove-a-side-out"),
    param("The rebels are attempting to take control of Kidal.", [("rebels", "Kidal", "seeks_control")],
          id="attempting-to"),
    # a side that raided a place and then withdrew from it lost no ground it held; one that took it did
    param("Al-Shabaab fighters attacked an army post in Awdheegle village. The fighters claimed to have killed two "
          "soldiers and withdrew from the area.", [], id="no-withdrew-after-a-raid"),
    param("Islamic State fighters attacked Mosul and seized it. Islamic State later withdrew from Mosul.",
          [("Islamic State", "Mosul", "captured"), ("Islamic State", "Mosul", "lost")], id="withdrew-after-taking"),
    # a speaker who "claimed to have" done one thing and then did another is the subject of the other
    param("Rebels claimed to have killed four soldiers and later withdrew from Kidal.",
          [("rebels", "Kidal", "lost")], id="claimed-to-have-and-withdrew"),
    # ground with no name of its own, gained where the clause says
    param("Government troops gained territory after heavy fighting with UNITA near Andulo.",
          [("Angolan government", "Andulo", "captured")], id="gained-territory-near"),
    # a list of names the gazetteer does not know, commas and all
    param("Nigerian troops recaptured Ngalwari, Dumbosa and Kuwarti in Gwoza on Friday.",
          [("Nigerian government", "Ngalwari", "captured"), ("Nigerian government", "Dumbosa", "captured"),
           ("Nigerian government", "Kuwarti", "captured")], id="unknown-names-comma-list"),
    # "the clearing of X" is a gain of X like "the recapture of X"; a side named as the dead is not its taker
    param("Nigerian troops reported the clearing of Dumbosa and Kuwarti.",
          [("Nigerian government", "Dumbosa", "captured"), ("Nigerian government", "Kuwarti", "captured")],
          id="the-clearing-of"),
    param("A joint operation on Friday yields 12 Boko Haram dead and the clearing of Dumbosa.", [],
          id="no-dead-side-as-taker"),
    # another name in brackets after a name the gazetteer does not know is the same place taken
    param("Nigerian forces overtook Kambolani (Kambolari) after a day of fighting.",
          [("Nigerian government", "Kambolani", "captured"), ("Nigerian government", "Kambolari", "captured")],
          id="unknown-name-and-its-bracket-alternative"),
    # "are in control of" is a phrase of holding after "are", not a passive; quotes do not break a phrase
    param("Nigerian troops are in full control of Maiduguri.", [("Nigerian government", "Maiduguri", "controls")],
          id="are-in-full-control-of"),
    param('The army said Nigerian troops are now in "full control" of Gwoza.',
          [("Nigerian government", "Gwoza", "controls")], id="in-quoted-full-control-of"),
    # a name in apposition after the owner of the ground taken is the place; a speaker there is not
    param("Nigerian troops retook the main base of Boko Haram, Kolomari, on Friday.",
          [("Nigerian government", "Kolomari", "captured")], id="base-of-owner-apposed-name"),
    param("Nigerian troops retook the base of Boko Haram, Ahmed said.", [], id="no-apposed-speaker"),
    # a side before a two-word facility says whose it was ("the police training camp"), not what was taken
    param("Boko Haram fighters have taken over the police training camp in Gwoza.",
          [("Boko Haram", "Gwoza", "captured")], id="side-before-two-word-facility"),
    # a dashed aside after the ground taken does not end the clause ("the army camp - a training school - in X")
    param("Boko Haram fighters have taken over the army camp - a training school - in Gwoza.",
          [("Boko Haram", "Gwoza", "captured")], id="dashed-aside-before-the-place"),
    # a head noun in quotes still reaches its owner and the apposed name
    param("Soldiers seized the 'main hideout' of ISWAP, Kolomari, on Friday.",
          [("soldiers", "Kolomari", "captured")], id="quoted-head-before-of"),
    # a name of two words after a verb that also takes people is a place when ground is coordinated with it
    param("Boko Haram captured Dar Jamal and the town of Gwoza.",
          [("Boko Haram", "Dar Jamal", "captured"), ("Boko Haram", "Gwoza", "captured")],
          id="two-word-name-coordinated-with-ground"),
    param("Soldiers captured Abu Musa and two of his aides.", [], id="no-two-word-name-coordinated-with-people"),
    # "the entirety of X" is ground whose place follows "of"
    param("Rebels seized the entirety of Gwoza LGA.", [("rebels", "Gwoza", "captured")], id="the-entirety-of"),
    # ground "near" a town is not that town: the town was not taken
    param("Troops regained control of several locations near Gwoza.", [], id="no-ground-near-a-town"),
    param("Troops recaptured the town near Gwoza.", [], id="no-town-near-a-town"),
    # verbs and phrases of taking: "reclaimed", "wrested control of", "assumed control of", "re-established control
    # over"; verbs that drive a side out ("pushed", "chased", "flushed" X "out of" Y); a side that raises its flag
    # over a place has taken it
    param("Troops reclaimed Kolomari from Boko Haram on Sunday.",
          [("troops", "Kolomari", "captured", {"from_actor": "Boko Haram"})], id="reclaimed"),
    param("Troops wrested control of Kolomari from Boko Haram.",
          [("troops", "Kolomari", "captured", {"from_actor": "Boko Haram"})], id="wrested-control-of"),
    param("Government forces assumed control of Kolomari after the militants left.",
          [("government forces", "Kolomari", "captured")], id="assumed-control-of"),
    param("The army has re-established control over Kolomari.", [("army", "Kolomari", "captured")],
          id="re-established-control-over"),
    param("The army pushed the insurgents out of Kolomari.",
          [("army", "Kolomari", "captured", {"from_actor": "insurgents"})], id="pushed-out-of"),
    param("Jihadists attacked Kolomari village on Friday. Soon after, they raised their flag above the village.",
          [("jihadists", "Kolomari", "captured")], id="raised-their-flag-above"),
    param("The army pushed into Kolomari.", [], id="no-pushed-into"),
    param("Troops chased the attackers out of Kolomari.", [], id="no-attackers-chased-out"),
    # a side right after "after" and right before its verb is that verb's subject, not the main clause's
    param("Al Shabaab took control of Kolbio (Badhaadhe, Lower Juba) after SNA forces withdrew from the town.",
          [("al-Shabaab", "Kolbio", "captured"), ("SNA forces", "Kolbio", "lost")], id="after-side-withdrew"),
    # a first-order division in brackets after a place says where it lies; it is not a second place taken
    param("Al Shabaab took control of Kolbio (Lower Juba) on Tuesday.", [("al-Shabaab", "Kolbio", "captured")],
          id="bracket-province-is-no-place-taken"),
    # an acronym before a noun of ground says whose it is ("the FARDC position in X"); it is not the place
    param("ADF rebels overran the FARDC position in Kamango on Sunday.",
          [("Allied Democratic Forces", "Kamango", "captured")], id="acronym-owner-before-ground"),
    # "the locality of X" is ground whose place follows "of"
    param("Mai-Mai militiamen took control of the locality of Kamango.", [("Mai-Mai", "Kamango", "captured")],
          id="the-locality-of"),
    # a description with no place before it takes the place a bracket later in the sentence names first
    param("JNIM militants took control of the village after clashes with the army (Dioura, Tenenkou, Mopti).",
          [("JNIM", "Dioura", "captured")], id="description-and-a-later-bracket"),
    param("Rebels took control of the town on Monday (Reuters, AFP).", [], id="no-bracket-of-sources"),
    # a clearing operation of or in places is their gain by the side that carries it out; not when the clause
    # says that side was attacked
    param("Soldiers arrested six suspects in a clearing operation of several Gwoza settlements, including: Ngalwari, "
          "Dumbosa and Kuwarti.", [("Nigerian government", "Ngalwari", "captured"),
                                   ("Nigerian government", "Dumbosa", "captured"),
                                   ("Nigerian government", "Kuwarti", "captured")], id="clearing-operation-of-a-list"),
    param("Troops conducted clearance operations in Gwoza, killing two Boko Haram members.",
          [("Nigerian government", "Gwoza", "captured")], id="clearance-operations-in"),
    param("Troops on a clearance operation in Gwoza were ambushed by Boko Haram.", [],
          id="no-clearance-operation-of-the-ambushed"),
    # a side before a name and its noun of ground, or with "'s", owns the ground: the name is the place taken
    param("Soldiers cleared ISWAP's Kolomari camp on Tuesday and freed 40 hostages.",
          [("soldiers", "Kolomari", "captured", {"from_actor": "Islamic State West Africa Province"})],
          id="side-s-named-camp"),
    param("The army overran the ISWAP Kolomari camp.",
          [("army", "Kolomari", "captured", {"from_actor": "Islamic State West Africa Province"})],
          id="side-before-named-camp"),
]
