"""Roles of a casualty fact: whose dead, killed by whom, by whose account, how sure, over what period.

Written for the project: a sentence in, and for the report of one count the fields expected. Each is
read by the clause layer (``conflictnews/clauses.py``) and the casualty reader.
"""

from pytest import mark, param

GAP = mark.xfail(strict=True, reason="known gap: not read yet")

# (lang, text, count, {field: expected})
CASES = [
    # whose dead: the victims' own words decide the side, not an actor nearby
    param("en", "At least 86 pro-government fighters have been killed since Islamic State began its offensive, the "
          "monitor said.", 86, {"victim_group": "military", "victim_actor": None}, id="pro-government-fighters"),
    param("en", "The toll since 19 April stands at 203 government fighters and 159 jihadists, the Observatory said.", 203,
          {"victim_group": "military"}, id="government-fighters"),
    param("en", "The toll since 19 April stands at 203 government fighters and 159 jihadists, the Observatory said.", 159,
          {"victim_group": "armed_group"}, id="and-jihadists"),
    param("nl", "Aan regeringszijde vielen sinds vrijdag zeker 52 doden, aan de kant van IS minstens 35.", 52,
          {"victim_group": "military"}, id="aan-regeringszijde"),
    param("nl", "Aan regeringszijde vielen sinds vrijdag zeker 52 doden, aan de kant van IS minstens 35.", 35,
          {"victim_group": "armed_group", "victim_actor": "Islamic State"}, id="aan-de-kant-van"),
    param("en", "IS has lost 57 men in the battle for the district.", 57,
          {"victim_group": "armed_group", "victim_actor": "Islamic State"}, id="lost-men"),
    param("nl", "De jihadisten verloren 40 man bij de gevechten.", 40, {"victim_group": "armed_group"}, id="verloren-man"),
    param("en", "A suicide bomber killed himself and 14 others at a checkpoint.", 14,
          {"victim_group": "unknown", "perpetrator": "suicide bomber", "perpetrator_group": "armed_group"},
          id="himself-and-14-others"),
    param("nl", "Tientallen strijders aan beide kanten raakten gewond.", 12, {"victim_group": "unknown"},
          id="aan-beide-kanten"),
    param("nl", "Bij de aanval kwamen twaalf agenten om. Zes anderen raakten gewond.", 6, {"victim_group": "military"},
          id="anderen-next-sentence"),
    # who says so
    param("en", "At least 12 civilians were killed in shelling of Kherson, according to Kyiv.", 12,
          {"attributed_to": "Ukrainian government"}, id="according-to-a-capital"),
    param("en", "Five US soldiers were wounded in a drone attack in Jordan, Washington said.", 5,
          {"attributed_to": "US government"}, id="capital-said"),
    param("en", "Ankara announced that 2,295 militants had been killed since the start of the operation.", 2295,
          {"attributed_to": "Turkish government", "cumulative": True}, id="capital-announced"),
    param("en", "Russia said 30 Ukrainian soldiers were killed.", 30,
          {"attributed_to": "Russian government", "victim_actor": "Ukrainian government forces"}, id="russia-said"),
    param("en", "Rebels said 20 soldiers were killed.", 20, {"attributed_to": "rebels"}, id="rebels-said"),
    param("nl", "Het Israëlische leger spreekt van twintig gedode militanten.", 20, {"attributed_to": "military"},
          id="leger-spreekt-van"),
    param("en", '"We lost 12 men," said Murad Ali Murad, the provincial governor.', 12,
          {"attributed_to": "Murad Ali Murad"}, id="said-a-person"),
    param("nl", "Daarbij kwamen twaalf burgers om, meldt het Syrisch Observatorium voor de Mensenrechten.", 12,
          {"attributed_to": "SOHR"}, id="meldt-x"),
    param("nl", "Bij de aanval kwamen twaalf burgers om. Dat meldt het Syrisch Observatorium.", 12,
          {"attributed_to": "SOHR"}, id="dat-meldt"),
    param("en", "Twelve people died in the blast. Four others were injured, hospital sources said.", 12,
          {"attributed_to": "medical sources"}, id="closing-speaker"),
    param("en", "The Observatory counted 40 dead. It said 12 children were among the dead.", 12,
          {"attributed_to": "SOHR"}, id="it-said"),
    param("en", "Four children were among the dead, the monitor's head Rami Abdel Rahman said. The Syrian Observatory "
          "had counted 45.", 4, {"attributed_to": "SOHR"}, id="antecedent-after"),
    param("en", "The Syrian Observatory counted 45 dead. Four children were among the dead, its head Rami Abdel "
          "Rahman said.", 4, {"attributed_to": "SOHR"}, id="its-head-said"),
    # the phrase that opens a closing clause speaks, not whom it is told to
    param("en", "At least six militants were killed in clashes near the town, a police chief of the town told Xinhua.",
          6, {"attributed_to": "police"}, id="a-police-chief-told-xinhua"),
    param("en", "Troops retook the town after two days of fighting, a provincial security source told Xinhua. The "
          "troops killed at least seven militants, the source said.", 7, {"attributed_to": "security sources"},
          id="the-source-after-a-security-source"),
    # a pronoun speaks for the speaker before it; a definite description for the source it points back to
    param("en", "State television said soldiers had seized a network of tunnels. It said two children were killed "
          "by mortar rounds.", 2, {"attributed_to": "state television"}, id="it-said-the-speaker-before"),
    param("en", "The UN human rights office said militants shot dead 40 civilians. A man was shot dead for using a "
          "phone, it said.", 1, {"attributed_to": "UN"}, id="it-said-at-the-end"),
    param("en", "At least 20 people died, the Syrian Observatory for Human Rights said. Troops advanced, according to "
          "the Britain-based monitor. The deaths bring to 36 the number of civilians killed, according to the "
          "monitor.", 36, {"attributed_to": "SOHR"}, id="the-monitor-after-the-britain-based-monitor"),
    param("nl", "Dat meldt het Syrisch Observatorium. Bij de aanval vielen 40 doden, zegt de organisatie. Volgens de "
          "organisatie zijn ook 212 strijders gedood.", 212, {"attributed_to": "SOHR"},
          id="de-organisatie-after-de-gevestigde-organisatie"),
    param("nl", "Het Syrisch Observatorium meldt 20 doden. Gisteren kwamen volgens dezelfde bron zeventien burgers om.",
          17, {"attributed_to": "SOHR"}, id="volgens-dezelfde-bron"),
    param("nl", "IS heeft deze week in Mosul zeker 232 mensen doodgeschoten. Dat heeft het VN-mensenrechtenbureau "
          "vrijdag in Genève gezegd.", 232, {"attributed_to": "UN", "place": "Mosul"}, id="dat-heeft-x-in-genève-gezegd"),
    param("en", "The Syrian Observatory said 20 people died. The Observatory puts the toll at more than 150 fighters.",
          150, {"attributed_to": "SOHR"}, id="puts-the-toll"),
    param("nl", "De coalitie erkent zelf 326 doden.", 326, {"attributed_to": "coalition"}, id="erkent"),
    param("en", "At least 86 soldiers were killed, a monitor said. IS lost 57 fighters, according to the Syrian "
          "Observatory for Human Rights.", 86, {"attributed_to": "SOHR"}, id="a-monitor-the-one-named"),
    param("nl", "Bij luchtaanvallen zijn zeker 44 mensen gedood. Dat meldt het in Groot-Brittannië gevestigde Syrisch "
          "Observatorium voor de Mensenrechten.", 44, {"attributed_to": "SOHR"}, id="het-in-x-gevestigde"),
    param("nl", "Het ministerie van Volksgezondheid in Tripoli zei dat 35 mensen om het leven kwamen.", 35,
          {"attributed_to": "health ministry"}, id="ministerie-in-tripoli-zei"),
    param("en", "Reuters quoted a police officer as saying 12 people were killed.", 12, {"attributed_to": "police"},
          id="quoted-a-police-officer"),
    param("nl", "Persbureau AP verklaart, op gezag van bronnen binnen de politie, dat er dertien doden vielen.", 13,
          {"attributed_to": "AP"}, id="op-gezag-van-gives-the-agency"),
    param("nl", "De internationaal erkende regering meldt dat sinds donderdag 49 mensen om het leven kwamen.", 49,
          {"attributed_to": "internationaal erkende regering"}, id="erkende-is-no-speech-verb"),
    param("en", "BEIRUT (AFP) - Air strikes killed 12 civilians in Douma.", 12, {"attributed_to": None},
          id="dateline-agency-is-no-speaker"),
    param("nl", "Volgens een lokale bron kwamen zeven soldaten om.", 7, {"attributed_to": "local authorities"},
          id="lokale-bron"),
    # whom it is told to does not speak; a news medium passes an inner speaker's word on
    param("nl", "Bij de aanval op het dorp kwamen twaalf mensen om. Lokale autoriteiten hebben dat gezegd tegen "
          "persbureau AFP.", 12, {"attributed_to": "local authorities"}, id="gezegd-tegen-afp"),
    param("nl", "Volgens het ministerie van Binnenlandse Zaken zijn ten minste negen mensen om het leven gekomen, "
          "meldt persbureau Reuters.", 9, {"attributed_to": "interior ministry"}, id="volgens-x-meldt-reuters"),
    param("en", "At least nine people were killed in the blast, according to the interior ministry, Reuters reported.",
          9, {"attributed_to": "interior ministry"}, id="according-to-x-reuters-reported"),
    param("nl", "Bij een luchtaanval zijn twintig strijders omgekomen. Dat maakte de militaire inlichtingendienst "
          "bekend op de televisie, aldus ANP.", 20, {"attributed_to": "military"}, id="dat-maakte-x-bekend-aldus-anp"),
    # a speech verb around its subject: "maakte X bekend", "liet X weten"
    param("nl", "Vijf soldaten kwamen om bij de gevechten, liet de politie dinsdag weten.", 5,
          {"attributed_to": "police"}, id="liet-x-weten"),
    param("nl", "In het oosten zijn dit weekeinde vijf soldaten omgekomen. Het ging om de zwaarste strijd in weken, "
          "maakte het leger maandag bekend.", 5, {"attributed_to": "military"}, id="maakte-x-bekend"),
    # the speaker of a report speaks in the next sentence of its paragraph that goes on with it
    param("nl", "Bij de beschietingen kwamen zeven burgers om, meldt het ministerie van Volksgezondheid. Bijna 40 "
          "mensen raakten gewond bij de bombardementen.", 40, {"attributed_to": "health ministry"},
          id="de-bombardementen-go-on"),
    param("nl", "Bij gevechten vielen meer dan honderd doden. Dat meldt het Syrisch Observatorium. Onder de doden "
          "zouden 80 strijders van IS zijn.", 80, {"attributed_to": "SOHR"}, id="onder-de-doden-zouden"),
    param("nl", "Een woordvoerder van vredesmissie AMISOM meldde dat drie mensen omkwamen door een mortieraanval. "
          "Twee andere mensen raakten gewond.", 2, {"attributed_to": "AMISOM"}, id="twee-andere-mensen"),
    param("en", "Nine soldiers were killed in the ambush, the military said. Four others were wounded.", 4,
          {"attributed_to": "military"}, id="four-others"),
    param("nl", "Zeven burgers kamen om, meldt het ministerie. In een andere stad vielen gisteren twee doden.", 2,
          {"attributed_to": None}, id="another-report-is-not-carried"),
    # a lead names who speaks, not where it happened; "sprak ... van" around its time
    param("nl", "Oprukkend geweld in Syrië: 15 burgers komen om tijdens bombardementen", 15, {"attributed_to": None},
          id="lead-in-a-place-is-no-speaker"),
    param("nl", "Een woordvoerder van de troepen van generaal Haftar sprak in het weekend van veertien omgekomen "
          "militairen.", 14, {"attributed_to": "Libyan National Army"}, id="sprak-in-het-weekend-van"),
    param("nl", "De reddingswerkers van de Witte Helmen spraken later van zeventig doden.", 70,
          {"attributed_to": "White Helmets"}, id="spraken-later-van"),
    # a person speaks for the source the article introduced them with
    param("nl", "De taliban vielen vijftien posten aan, zei een woordvoerder van de politie van Kandahar, Matiullah "
          "Hilal. In totaal zouden 45 militanten gedood zijn, zei Hilal.", 45, {"attributed_to": "police"},
          id="zei-hilal-introduced-before"),
    param("en", "The fighting went on all night, said a spokesman for the police, John Okello. Twelve people died, "
          "Okello said.", 12, {"attributed_to": "police"}, id="okello-said-introduced-before"),
    # speakers the tables know by their office
    param("nl", "Dat meldt het Syrisch Observatorium. Bij de aanval raakten 20 mensen gewond, zegt de ngo.", 20,
          {"attributed_to": "SOHR"}, id="zegt-de-ngo"),
    param("nl", "Volgens een kolonel van de peshmerga kwamen vijf strijders om.", 5, {"attributed_to": "Peshmerga"},
          id="kolonel-van-de-peshmerga"),
    param("en", "Five fighters were killed, a colonel of the Peshmerga said.", 5, {"attributed_to": "Peshmerga"},
          id="colonel-of-the-peshmerga"),
    param("nl", "Volgens een regeringswoordvoerder kwamen 60 strijders om.", 60, {"attributed_to": "officials"},
          id="regeringswoordvoerder"),
    param("nl", "Bij aanvallen op checkpoints zijn zeker 30 soldaten omgekomen. Dat is uit officiële bron vernomen.",
          30, {"attributed_to": "officials"}, id="uit-officiele-bron-vernomen"),
    param("nl", "Bij een luchtaanval zijn twee leiders van de rebellen gedood, melden Arabische media.", 2,
          {"attributed_to": "Arab media"}, id="arabische-media"),
    # who did it
    param("en", "Twelve people were killed in an air strike by the coalition on Raqqa.", 12,
          {"perpetrator": "coalition", "perpetrator_group": "military"}, id="air-strike-by"),
    param("nl", "Bij een aanval van de taliban kwamen zeker twaalf soldaten om het leven.", 12,
          {"perpetrator": "Taliban", "perpetrator_group": "armed_group"}, id="aanval-van"),
    param("nl", "Bij een aanslag van terreurgroep IS zijn zeven mensen om het leven gekomen.", 7,
          {"perpetrator": "Islamic State"}, id="aanslag-van-terreurgroep"),
    param("nl", "Bij zelfmoordaanvallen van talibanstrijders kwamen 30 agenten om.", 30,
          {"perpetrator": "Taliban"}, id="glued-actor"),
    param("en", "IS fighters killed 12 civilians in the village.", 12, {"perpetrator": "Islamic State"},
          id="subject-of-killed"),
    param("nl", "De terreurgroep Islamitische Staat (IS) heeft de dubbele aanslag in de Iraakse hoofdstad opgeëist. "
          "Bij die aanslag op een markt vielen 20 doden.", 20, {"perpetrator": "Islamic State"},
          id="claim-in-the-sentence-before"),
    param("nl", "Volgens de politie heeft niemand de aanslag opgeëist. Bij die aanslag vielen 20 doden.", 20,
          {"perpetrator": None}, id="no-claimant-no-doer"),
    param("en", "Five civilians were killed in an air strike on Monday. The strike was carried out by the Saudi-led "
          "coalition, residents said.", 5, {"perpetrator": "Saudi-led coalition", "perpetrator_group": "military"},
          id="strike-carried-out-by"),
    param("nl", "Bij een aanslag op een markt kwamen zeven mensen om. De aanslag werd gepleegd door de taliban.", 7,
          {"perpetrator": "Taliban"}, id="aanslag-gepleegd-door"),
    param("nl", "De taliban hebben gisteren twaalf soldaten gedood.", 12, {"perpetrator": "Taliban"},
          id="hebben-gedood"),
    param("en", "Turkish air strikes killed 12 civilians in Afrin.", 12, {"perpetrator": "Turkish government forces"},
          id="adjective-air-strikes"),
    param("en", "At least 12 people were killed by the Iraqi army in Mosul.", 12,
          {"perpetrator": "Iraqi government forces", "perpetrator_group": "military"}, id="killed-by"),
    param("en", "Boko Haram attacked the village, killing 86 people.", 86, {"perpetrator": "Boko Haram"},
          id="participle"),
    param("en", "Police said gunmen stormed the village on Sunday, killing 12.", 12, {"perpetrator": "gunmen"},
          id="participle-in-report"),
    param("en", "Al-Shabaab claimed responsibility for the attack, which killed 20 soldiers.", 20,
          {"perpetrator": "al-Shabaab"}, id="claimed-responsibility"),
    param("en", "Twenty soldiers were killed in the attack. Al-Shabaab claimed responsibility.", 20,
          {"perpetrator": "al-Shabaab"}, id="responsibility-next-sentence"),
    param("en", "Twenty people were killed in clashes between the army and the rebels.", 20, {"perpetrator": None},
          id="clashes-no-doer"),
    param("en", "Twenty people were killed in the city, the health ministry reported.", 20, {"perpetrator": None},
          id="reported-by-no-doer"),
    # an attack is no doer ("door een mortieraanval"); an attack told of as another one has not the doer named
    # before ("een", "de vorige", "a separate"); reports whose doer is named later take the first doer named
    param("nl", "Zeker acht mensen kwamen om door een zelfmoordaanslag bij de haven. Al-Shabaab heeft de aanslag "
          "opgeëist. Donderdag vielen ook drie doden door een mortieraanval op de stad.", 8,
          {"perpetrator": "al-Shabaab", "perpetrator_group": "armed_group"}, id="claim-after-the-attack"),
    param("nl", "Zeker acht mensen kwamen om door een zelfmoordaanslag bij de haven. Al-Shabaab heeft de aanslag "
          "opgeëist. Donderdag vielen ook drie doden door een mortieraanval op de stad.", 3,
          {"perpetrator": None, "perpetrator_group": None}, id="een-mortieraanval-is-another-attack"),
    param("nl", "Zeker acht mensen kwamen om door een zelfmoordaanslag bij de haven. Al-Shabaab heeft de aanslag "
          "opgeëist. Donderdag vielen ook drie doden door een mortieraanval op de stad. Twee andere mensen raakten "
          "gewond.", 2, {"perpetrator": None}, id="one-doer-stops-at-another-attack"),
    param("nl", "IS heeft de zelfmoordaanslag op de markt opgeëist. Daarbij kwamen 32 mensen om. De vorige grote "
          "aanslag in de stad vond plaats in 2018. Er vielen toen 27 doden.", 27, {"perpetrator": None},
          id="de-vorige-aanslag"),
    param("nl", "IS heeft de zelfmoordaanslag op de markt opgeëist. Daarbij kwamen 32 mensen om.", 32,
          {"perpetrator": "Islamic State"}, id="daarbij-after-the-claim"),
    param("en", "Al-Shabaab claimed the bombing of the hotel, in which twelve people died. In a separate attack on a "
          "checkpoint, four soldiers were killed.", 4, {"perpetrator": None}, id="a-separate-attack"),
    param("en", "Al-Shabaab claimed the bombing of the hotel, in which twelve people died. The previous attack on "
          "the hotel killed 27 people.", 27, {"perpetrator": None}, id="the-previous-attack"),
    param("nl", "Bij een dubbele bomaanslag zijn tientallen mensen omgekomen. De aanslagen werden uitgevoerd door twee "
          "zelfmoordterroristen. Islamitische Staat pleegde vorig jaar geregeld aanslagen in de stad.", 12,
          {"perpetrator": "two suicide bombers", "perpetrator_group": "armed_group"}, id="first-doer-named-after"),
    param("en", "Several rebels were wounded by a car bomb explosion in the town. A child was killed by IS shelling "
          "on the village. Russian warplanes raided the area.", 3, {"perpetrator": None},
          id="a-doer-after-another-report-is-not-theirs"),
    param("nl", "Drie agenten werden gedood bij een Talibanaanval op een controlepost.", 3,
          {"perpetrator": "Taliban", "perpetrator_group": "armed_group"}, id="actor-glued-to-attack"),
    # who attacked the victims: "aangevallen door X", "ambushed by X" (the doer of the casualties told of with it)
    param("nl", "Vijf soldaten kwamen om het leven toen hun tank werd beschoten door militanten van de YPG.", 5,
          {"perpetrator": "YPG", "perpetrator_group": "armed_group"}, id="beschoten-door"),
    param("en", "Five soldiers were killed when their convoy was ambushed by al-Shabaab fighters.", 5,
          {"perpetrator": "al-Shabaab"}, id="ambushed-by"),
    param("nl", "Minstens tien militairen zijn gedood tijdens een aanval op de legerbasis. Een van onze stellingen is "
          "aangevallen door terroristen, aldus een bron.", 10, {"perpetrator": "terrorists"},
          id="aangevallen-door-after-the-deaths"),
    param("nl", "Dagelijks wordt de regio gebombardeerd door het regime. Sinds februari zijn al meer dan 1.000 mensen "
          "omgekomen in de regio.", 1000, {"perpetrator": None}, id="an-assailant-is-not-every-deaths-doer"),
    param("nl", "Bij een aanval op een legerbasis zijn 24 soldaten gedood. Het zou gaan om een aanval door "
          "terroristen.", 24, {"perpetrator": "terrorists"}, id="het-gaat-om-een-aanval"),
    param("en", "Twelve people were killed in an attack on a market. It was a suicide attack by al-Shabaab.", 12,
          {"perpetrator": "al-Shabaab"}, id="it-was-a-suicide-attack-by"),
    # a claim in the passive names its claimant; a place before an attack noun is not its doer
    param("nl", "De bomaanslag van gisterenavond bij een ijssalon in de hoofdstad is opgeëist door terreurgroep IS. "
          "Bronnen spreken van acht doden bij de aanslag.", 8, {"perpetrator": "Islamic State"}, id="opgeeist-door"),
    param("en", "Sunday's bombing of a crowded market in the capital was claimed by al-Shabaab. Hospital sources "
          "said 14 people died in the attack.", 14, {"perpetrator": "al-Shabaab"}, id="was-claimed-by"),
    param("nl", "Minstens drie mensen kwamen om het leven. In Somalië vinden geregeld bomaanslagen plaats.", 3,
          {"perpetrator": None}, id="in-somalie-is-no-doer"),
    # an attack named with its owner is the doer of the casualties told of after it, not of those before it
    param("nl", "De voorbije maanden zijn de bombardementen van het regime op Oost-Ghouta toegenomen. De voorbije 24 "
          "uur vielen zeker 77 doden bij die bombardementen.", 77,
          {"perpetrator": "Syrian government forces", "perpetrator_group": "military"}, id="die-bombardementen-van"),
    param("en", "The attack by al-Shabaab on the hotel lasted hours. Twelve guests died in the attack.", 12,
          {"perpetrator": "al-Shabaab"}, id="the-attack-by-then-in-the-attack"),
    param("nl", "Volgens het Observatorium vielen bij de aanvallen tot nu toe 21 doden. Turkije maakt zich zorgen over "
          "het offensief van de SDF.", 21, {"perpetrator": None}, id="an-offensive-named-after-is-not-theirs"),
    # a speaker who tells of its own killing is the doer
    param("nl", "De Turken zeggen de afgelopen weken al 900 Koerdische strijders te hebben gedood.", 900,
          {"perpetrator": "Turkish government forces", "perpetrator_group": "military",
           "attributed_to": "Turkish government"}, id="zeggen-te-hebben-gedood"),
    param("nl", "Irak claimt dat het bij luchtaanvallen in Syrië 36 strijders van IS heeft gedood.", 36,
          {"perpetrator": "Iraqi government forces", "perpetrator_group": "military"}, id="claimt-dat-het-heeft-gedood"),
    param("en", "Turkey says it killed 900 Kurdish fighters in the past weeks.", 900,
          {"perpetrator": "Turkish government forces", "perpetrator_group": "military"}, id="says-it-killed"),
    param("en", "The Taliban said they killed 12 soldiers at the checkpoint.", 12,
          {"perpetrator": "Taliban", "perpetrator_group": "armed_group"}, id="said-they-killed"),
    param("en", "Turkey claims to have killed 300 militants since January.", 300,
          {"perpetrator": "Turkish government forces"}, id="claims-to-have-killed"),
    param("en", "The health ministry said 20 people were killed in the strikes.", 20, {"perpetrator": None},
          id="a-speaker-of-others-deaths-is-no-doer"),
    # how sure
    param("en", "Three soldiers are feared dead after the ambush.", 3, {"certainty": "uncertain"}, id="feared-dead"),
    param("nl", "In Azaz zijn vandaag minstens 14 mensen gedood. Dat meldt het Syrische Observatorium voor de "
          "Mensenrechten.", 14, {"attributed_to": "SOHR"}, id="dat-meldt-is-no-adjective"),
    param("en", "Six villagers were killed in an attack in the disputed region of Kashmir, the military said.", 6,
          {"certainty": "stated", "attributed_to": "military"}, id="disputed-region-is-no-denial"),
    param("en", "Rebels killed the chairman of the association in the town, after the insurgents rejected the "
          "ransom offered to them.", 1, {"certainty": "stated"}, id="denial-in-an-after-clause-is-its-own"),
    param("en", "The army reportedly killed six civilians in reprisal attacks, which the army denies.", 6,
          {"certainty": "denied"}, id="which-the-army-denies"),
    param("nl", "Rebellen doodden zeven dorpelingen, nadat de familie de eisen van de groep ontkende.", 7,
          {"certainty": "stated"}, id="nadat-bijzin-is-geen-ontkenning"),
    param("en", "Turkey says it killed 900 Kurdish fighters, but this could not be verified.", 900,
          {"certainty": "uncertain", "attributed_to": "Turkish government"}, id="could-not-be-verified"),
    param("nl", "Bij de Russen vielen zeven doden. Die informatie kon niet onafhankelijk bevestigd worden.", 7,
          {"certainty": "uncertain"}, id="next-sentence-doubts"),
    param("nl", "Bij de aanval zouden twaalf mensen zijn omgekomen.", 12, {"certainty": "stated"},
          id="zou-is-reported-speech"),
    # over what period
    param("en", "Between 9,000 and 11,000 civilians died in the nine-month battle for Mosul.", 9000,
          {"cumulative": True, "date_precision": "month"}, id="nine-month-battle"),
    param("en", "Between October 2016 and July 2017, 2,521 civilians were killed in Mosul.", 2521,
          {"period_start": "2016-10-01", "period_end": "2017-07-31", "date_precision": "month"},
          id="between-months"),
    param("nl", "In heel 2020 kwamen driehonderd burgers om.", 300,
          {"period_start": "2020-01-01", "period_end": "2020-12-31", "date_precision": "year"}, id="heel-2020"),
    param("en", "Since the start of the offensive, 250 fighters have been killed.", 250, {"cumulative": True},
          id="since-the-start"),
    # a dated anchor decides: more than a calendar month back (publication 24 April 2018) is a running toll
    param("nl", "Sinds het begin van het offensief op 1 april zijn 150 soldaten gesneuveld.", 150,
          {"cumulative": False, "period_start": "2018-04-01"}, id="sinds-het-begin-less-than-a-month"),
    param("nl", "Sinds het begin van het offensief op 20 februari zijn 150 soldaten gesneuveld.", 150,
          {"cumulative": True, "period_start": "2018-02-20"}, id="sinds-het-begin-more-than-a-month"),
    param("en", "Since the offensive began on 20 January, more than 280 civilians have been killed.", 280,
          {"cumulative": True, "period_start": "2018-01-20"}, id="since-the-offensive-began-on"),
    param("en", "The offensive, launched on 20 February, has killed more than 250 fighters.", 250,
          {"cumulative": True, "period_start": "2018-02-20"}, id="offensive-launched-on"),
    param("nl", "Het offensief, dat op 20 februari begon, kostte al meer dan 250 strijders het leven.", 250,
          {"cumulative": True, "period_start": "2018-02-20"}, id="offensief-dat-begon-op"),
    param("nl", "Volgens het Observatorium kwamen sindsdien meer dan 1.700 burgers om.", 1700, {"cumulative": True},
          id="sindsdien"),
    # the toll of a whole campaign, named without a date; not a single operation, not a word elsewhere
    param("en", "More than 250 pro-government fighters died in the offensive, the monitor said.", 250,
          {"cumulative": True}, id="died-in-the-offensive"),
    param("nl", "Strijd om Mosul kostte tot 11.000 burgers het leven", 11000, {"cumulative": True},
          id="strijd-om-mosul-kostte"),
    param("en", "Five civilians were killed in the operation, officials said.", 5, {"cumulative": False},
          id="an-operation-is-no-campaign"),
    param("en", "Gunmen shot dead nine people in a village of the war-torn region.", 9, {"cumulative": False},
          id="war-torn-is-no-campaign"),
]
