"""Dutch territory cases: a sentence in, the (actor, place, status) claims out.

Written for the project. A claim is ``(actor, place, status)`` with the actor and
the place as the actors table and the gazetteer name them; the claims of a
sentence are compared as a set. A fourth element, a dict, names fields the claim
must also carry (``from_actor``, ``attributed_to``, ``certainty``, ``past``,
``actor_group``, ``share_pct``). An empty list is a negative case: the sentence
names places and perhaps armed groups, but claims no control over a place.
"""

from pytest import mark, param

GAP = mark.xfail(strict=True, reason="known gap")

CASES = [
    # controls: the holder after "in handen van", "onder controle van", "door ... gecontroleerde"
    param("De stad Raqqa is sinds 2014 in handen van IS.", [("Islamic State", "Raqqa", "controls")], id="in-handen-van"),
    param("Idlib staat onder controle van rebellen.", [("rebels", "Idlib", "controls")], id="onder-controle-van"),
    param("Het zuiden van Damascus is nog altijd in handen van IS.", [("Islamic State", "Damascus", "controls")], id="zuiden-van"),
    param("De door IS gecontroleerde stad Mosul werd zwaar gebombardeerd.", [("Islamic State", "Mosul", "controls")], id="door-is-gecontroleerde"),
    param("De door terreurgroep Islamitische Staat (IS) gecontroleerde stad Raqqa ligt onder vuur.", [("Islamic State", "Raqqa", "controls")], id="door-is-haakjes-gecontroleerde"),
    param("Douma, dat in handen is van Jaish al-Islam, ligt onder vuur.", [("Jaish al-Islam", "Douma", "controls")], id="relatief-in-handen-van"),
    param("De Gazastrook staat onder het gezag van Hamas.", [("Hamas", "Gaza Strip", "controls")], id="onder-het-gezag"),
    # controls: the holder as the subject
    param("Het Syrische leger controleert Aleppo.", [("Syrian government", "Aleppo", "controls")], id="leger-controleert"),
    param("De Houthi's controleren de hoofdstad Sanaa.", [("Houthis", "Sanaa", "controls")], id="houthis-controleren"),
    param("De Taliban beheersen Kandahar.", [("Taliban", "Kandahar", "controls")], id="beheersen"),
    param("IS heeft Jarmoek, Hajar al-Aswad en Qadam in handen.",
          [("Islamic State", "Yarmouk", "controls"), ("Islamic State", "Hajar al-Aswad", "controls"), ("Islamic State", "Qadam", "controls")], id="lijst-in-handen"),
    param("Hamas heeft de controle over de Gazastrook.", [("Hamas", "Gaza Strip", "controls")], id="heeft-de-controle-over"),
    param("IS bezit nog maar 3 procent van het Iraakse grondgebied.", [("Islamic State", "Iraq", "controls")], id="bezit-procent"),
    # captured
    param("Het Iraakse leger heeft Tikrit heroverd.", [("Iraqi government", "Tikrit", "captured")], id="heroverd"),
    param("Iraakse troepen heroverden Ramadi op IS.", [("Iraqi government", "Ramadi", "captured")], id="heroverden-op"),
    param("IS veroverde in 2014 de stad Mosul.", [("Islamic State", "Mosul", "captured")], id="veroverde"),
    param("De Russen hebben Marioepol ingenomen.", [("Russian government", "Mariupol", "captured")], id="russen-ingenomen"),
    param("De SDF heroverde Raqqa en Tabqa.", [("Syrian Democratic Forces", "Raqqa", "captured"), ("Syrian Democratic Forces", "Tabqa", "captured")], id="lijst-heroverde"),
    param("Oekraïense troepen hebben Cherson bevrijd.", [("Ukrainian government", "Kherson", "captured")], id="bevrijd"),
    param("Regeringstroepen namen gisteren Palmyra in.", [("Syrian government", "Palmyra", "captured")], id="namen-in-gescheiden"),
    param("Tikrit werd door het Iraakse leger heroverd.", [("Iraqi government", "Tikrit", "captured")], id="passief-door"),
    # a name the gazetteer does not know before the participle, as after a finite verb; a bracket is an insertion
    param("Al-Shabaab heeft gisteren Bacaadley ingenomen.", [("al-Shabaab", "Bacaadley", "captured")],
          id="onbekende-naam-voor-deelwoord"),
    param("Het Somalische leger heeft, met steun van de AU, Bacaadley en Ceelbuur heroverd.",
          [("Somali government", "Bacaadley", "captured"), ("Somali government", "Ceelbuur", "captured")],
          id="onbekende-namen-na-tussenzin"),
    param("Al-Shabaab nam gisteren Bacaadley (Bacaadweyne, Mudug) in.", [("al-Shabaab", "Bacaadley", "captured")],
          id="haakjes-in-gescheiden-werkwoord"),
    param("Het Somalische leger (gesteund door de AU) heeft Kismayo heroverd.",
          [("Somali government", "Kismayo", "captured")], id="haakjes-na-onderwerp"),
    param("Boko Haram heeft de legerbasis in Monguno overrompeld.", [("Boko Haram", "Monguno", "captured")],
          id="legerbasis-overrompeld"),
    # lost
    param("IS werd uit Palmyra verdreven.", [("Islamic State", "Palmyra", "lost")], id="uit-verdreven"),
    param("IS is Mosul kwijtgespeeld.", [("Islamic State", "Mosul", "lost")], id="kwijtgespeeld"),
    param("De rebellen trokken zich terug uit Aleppo.", [("rebels", "Aleppo", "lost")], id="trokken-zich-terug"),
    param("Het leger rukt op naar Palmyra, waaruit IS in maart werd verdreven.", [("Islamic State", "Palmyra", "lost")], id="waaruit-verdreven"),
    # contested, besieged
    param("Russische troepen vechten om Bachmoet.", [("Russian government", "Bakhmut", "contested")], id="vechten-om"),
    param("Het regeringsleger heeft Oost-Ghouta omsingeld.", [("Syrian government", "Eastern Ghouta", "besieged")], id="omsingeld"),
    param("Oost-Ghouta wordt sinds 2013 belegerd door het Syrische leger.", [("Syrian government", "Eastern Ghouta", "besieged")], id="belegerd-door"),
    # seeks_control
    param("Het Syrische leger wil Idlib heroveren.", [("Syrian government", "Idlib", "seeks_control")], id="wil-heroveren"),
    param("Het Turkse leger begon een offensief om Afrin in te nemen.", [("Turkish government", "Afrin", "seeks_control")], id="offensief-om-in-te-nemen"),
    param("Het Iraakse leger probeert Fallujah onder controle te krijgen.", [("Iraqi government", "Fallujah", "seeks_control")], id="onder-controle-te-krijgen"),
    # negatives: places and groups, but no claim of control
    param("De strijd om Mosul duurt al maanden.", [], id="geen-strijd-zonder-partij"),
    param("Bij de aanslag in Bagdad zijn 52 doden gevallen.", [], id="geen-doden-gevallen"),
    param("In Syrië zijn op één dag meer dan 150 doden gevallen.", [], id="geen-doden-gevallen-land"),
    param("Zes soldaten hebben in Kandahar het leven verloren.", [], id="geen-leven-verloren"),
    param("Het vredesoverleg vond plaats in Genève.", [], id="geen-overleg"),
    param("De minister bezocht gisteren Kabul.", [], id="geen-bezoek"),
    param("De politie heeft in Amsterdam een verdachte opgepakt.", [], id="geen-politie"),
    param("Vluchtelingen uit Aleppo zijn in Turkije aangekomen.", [], id="geen-vluchtelingen"),
    param("De VN-gezant sprak in Damascus met de regering.", [], id="geen-gezant"),
    param("Er zijn in Mosul drie mensen gewond geraakt.", [], id="geen-gewonden"),
    param("Het Syrisch Observatorium voor de Mensenrechten in Londen meldt zware gevechten.", [], id="geen-bron"),
    param("IS pleegde een aanslag in Bagdad.", [], id="geen-aanslag"),
    param("De prijzen in Damascus zijn sterk gestegen.", [], id="geen-prijzen"),
    param("Het Turkse leger heeft in Afrin veertien militairen verloren.", [], id="geen-militairen-verloren"),

    # -- wie nam welke plaats in, van wie, volgens wie ---------------------------------------------------------
    param("Mosul volledig bevrijd van IS.",
          [(None, "Mosul", "captured", {"from_actor": "Islamic State"})], id="bevrijd-van-verliezer"),
    param("Kiev ontkende dat Russische troepen Krynky hadden ingenomen.",
          [("Russian government", "Krynky", "captured",
            {"certainty": "denied", "attributed_to": "Ukrainian government"})], id="ontkend"),
    param("Volgens het leger is Ramadi heroverd op IS.",
          [(None, "Ramadi", "captured", {"from_actor": "Islamic State", "attributed_to": "military"})],
          id="volgens-het-leger"),
    param("Het leger heeft Marawi naar verluidt heroverd.",
          [("Philippine government", "Marawi", "captured", {"certainty": "uncertain"})], id="naar-verluidt"),
    # winst en verlies
    param("Oekraïne heeft zich teruggetrokken uit Avdiivka.",
          [("Ukrainian government", "Avdiivka", "lost", {"actor_group": "state"})], id="teruggetrokken-uit"),
    param("De jihadisten kregen Palmyra in mei 2015 in handen.", [("jihadists", "Palmyra", "captured")],
          id="kregen-in-handen"),
    param("De rebellen liepen de legerbasis bij Idlib onder de voet.", [("rebels", "Idlib", "captured")],
          id="onder-de-voet"),
    param("Met de herovering van Tikrit heeft het Iraakse leger een belangrijke overwinning geboekt.",
          [("Iraqi government", "Tikrit", "captured")], id="de-herovering-van"),
    param("De rebellen droegen Douma over aan het regeringsleger.",
          [("Syrian government", "Douma", "captured", {"from_actor": "rebels"})], id="droegen-over-aan"),
    param("Regeringstroepen hebben 60 procent van Hajar al-Aswad in handen.",
          [("Syrian government", "Hajar al-Aswad", "controls", {"share_pct": 60.0})], id="procent-in-handen"),
    # plaatsen en partijen bij beschrijving
    param("Mosul ligt in het noorden van Irak. IS kreeg de stad in 2014 in handen.",
          [("Islamic State", "Mosul", "captured")], id="de-stad"),
    param("De Houthi's rukten op naar Sanaa. Sindsdien controleren de rebellen de hoofdstad.",
          [("rebels", "Sanaa", "controls")], id="de-hoofdstad"),
    param("In Afghanistan is het onrustig. De taliban controleren een groot deel van het noorden van het land.",
          [("Taliban", "Afghanistan", "controls")], id="noorden-van-het-land"),
    param("De regeringstroepen heroverden Saada, het Houthi-bolwerk in het noorden.",
          [("Yemeni government", "Saada", "captured", {"from_actor": "Houthis"})], id="houthi-bolwerk"),
    param("Het leger heeft de rebellenenclave Oost-Ghouta omsingeld.",
          [("rebels", "Eastern Ghouta", "controls"), ("Syrian government", "Eastern Ghouta", "besieged")],
          id="rebellenenclave"),
    param("IS veroverde Raqqa in 2014. De jihadisten hebben de stad nog altijd in handen.",
          [("Islamic State", "Raqqa", "captured"), ("Islamic State", "Raqqa", "controls")], id="de-jihadisten"),
    param("IS verloor Mosul. De terreurgroep controleert nu nog Al-Qaim.",
          [("Islamic State", "Mosul", "lost"), ("Islamic State", "al-Qaim", "controls")], id="de-terreurgroep"),
    param("De milities hebben Misrata in handen.", [("militias", "Misrata", "controls")], id="de-milities"),
    param("Het Libische Nationale Leger van Haftar heeft Sirte ingenomen.",
          [("Libyan National Army", "Sirte", "captured", {"actor_group": "non_state"})], id="lna-geen-regering"),
    param("Kandahar, een voormalig bolwerk van de taliban, is rustig.",
          [("Taliban", "Kandahar", "controls", {"past": True})], id="voormalig-bolwerk"),
    # geen grondgebied
    param("Er werden in Idlib vier motoren in beslag genomen.", [], id="geen-motoren"),
    param("Twee Turkse militaire konvooien trokken Idlib binnen.", [], id="geen-konvooien"),
    param("Afrin telde ongeveer 350.000 inwoners.", [], id="geen-inwoners"),
    param("32 bussen brachten zo'n 1600 mensen weg uit Jarmoek.", [], id="geen-bussen"),
    param("Als de Russen Bachmoet kunnen veroveren, ligt de weg naar Kramatorsk open.", [], id="geen-veronderstelling"),
    param("In 2015 verdreven de Houthi's president Hadi.", [], id="geen-persoon-verdreven"),
    param("De stad Raqqa werd zondag heroverd.", [], id="geen-onbekende-nemer"),
    # een gebouw bij een aanval overweldigd: geen claim op de plaats eromheen
    param("Gewapende mannen hebben het politiebureau van Kanamma overrompeld en twee agenten gedood.", [],
          id="geen-politiebureau-overrompeld"),
    param("Boko Haram liep het politiebureau in Kanamma onder de voet.", [], id="geen-politiebureau-onder-de-voet"),
]
