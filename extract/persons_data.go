package extract

import (
	_ "embed"
	"strings"
)

// This file holds the word lists of person extraction. None comes from the
// bench corpus: they are roles, titles and institution words of the three
// languages, written from the languages' grammar and the news' conventions,
// and the few people the news of the region names by surname alone.

// givenNamesFile is generated from @faker-js/faker (internal/namesgen):
// given names of 37 locales, ~13,800 names.
//
//go:embed given_names.txt
var givenNamesFile string

// trGivenFile and trCommonFile are generated from the nlptoolkit-dictionary
// Turkish lexicon (internal/namesgen/trlex.sh): its proper nouns that are no
// common word, place or -oğlu surname (mostly given names: Celalettin,
// Neslihan), and its common nouns and adjectives.
//
//go:embed tr_given.txt
var trGivenFile string

//go:embed tr_common.txt
var trCommonFile string

// givenExtra are given names the faker locales lack: Albanian names (no
// Albanian locale exists), Turkish, Kurdish, Arabic, Central Asian, Russian,
// Serbian and Balkan names of the region's news, and English short forms.
var givenExtra = `
Adem Adnan Adrian Afrim Agim Agron Albana Albert Albin Alban Aleksandar Aleksander Aleksandër
Alma Altin Arben Arbën Arban Arbër Ardian Arianit Armend Arsim Artan Arta Astrit Avdullah Avni
Azem Bajram Bashkim Bedri Behgjet Bekim Bekë Besim Besnik Blerim Bujar Burim Dardan Daut Donika
Doruntinë Drilon Driton Edi Edita Edmond Elmi Emiljano Enver Ervin Fadil Fatmir Fatmire Fatos
Fehmi Fisnik Fitore Flora Ganimete Gazmend Genc Gent Gëzim Granit Hajredin Hashim Haxhi Hysni
Ibrahim Ilir Isa Ismail Jakup Jusuf Kadri Kujtim Labinot Lirim Liridon Lulzim Lumir Mentor
Memli Mimoza Mirosllav Millorad Muhamet Naim Nexhat Nexhmedin Pandeli Përparim Petrit Ramë
Ramush Rexhep Rrahman Sabri Sali Salih Sami Shpejtim Shpend Skender Skënder Sokol Taulant Teuta
Tomë Ukë Valon Vjosa Vlora Xhevdet Xhafer Ylli Zef Zenel Zijadin
Abdullah Ahmet Binali Bülent Cemil Devlet Ekrem Ertuğrul Fethullah Hakan Haluk Hulusi İdris İlhan
İsmet Kemal Meral Mevlüt Nurettin Necmettin Numan Recep Selahattin Süleyman Tansu Tayyip
Turgut Veysel Hüsnü Berat Efkan Nabi Mahir Sırrı Pervin Figen Sebahat Muharrem Ümit
Kassym Kasym Qasym Kasım Nursultan Sadyr Sooronbay Almazbek Askar Shavkat Emomali Gurbanguly
Serdar Ilham Heydar Nurlan Erlan Marat Daniyar Bakyt Kurmanbek Askar Rustam Timur
Vladimir Sergey Sergei Dmitry Dmitri Mikhail Boris Nikolai Alexei Andrei Yuri Igor Oleg Viktor
Yevgeny Gennady Vyacheslav Anatoly Ramzan Slobodan Vojislav Ivica Milorad Vuk Zoran Dragan Goran
Miroslav Milo Aleksandar Tomislav Zlatko Hristijan Ali Mohammed Muhammad Mahmoud Bashar Hassan
Hosni Yasser Benjamin Mahathir Nelson Yasuhiro Kiichi Noboru Satoshi Toshihiko Mikio
Bob Bill Jim Joe Tom Ted Ed Al Dick Rob Bobby Jimmy Tony Joh Mahbubul Corazon Xi Shinzo
Ahmet Mehmet Mustafa Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Halil
Süleyman Abdullah Mahmut Recep Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Hanife
Merve Özlem Esra Yasemin Zehra Burcu Büşra Aysel Leyla Hacer Songül Gülsüm Ebru Derya Nimet
Hülya Sibel Serap Filiz Nurcan Canan Sevda Tuba Melek Kübra Şeyma Dilek
Emre Burak Serkan Volkan Tolga Onur Erkan Gökhan Kadir Yasin Cem Uğur Caner
Haktan Oğuzhan Serdar Sinan Selim Kerem Kaan Berk Arda Furkan Enes Taha Eren Alper Hakan
Levent Tayfun Orhan Erdal Ercan Ertan Metin Cengiz Nihat Necati Nejat Behzat Süheyl Ferit Mutlu
Erion Ermal Ermir Erjon Elton Ilir Klodian Gentian Gjergj Gjon Kastriot Ledion Mirela Anila
Ardit Arlind Besart Betim Blerta Dafina Donjeta Edona Fatime Flutura Hykmete Kaltrina Kujtim
Leutrim Liridona Majlinda Meliza Mentor Mërgim Milaim Mimoza Nazim Njomza Qëndrim Rinor Rrustem
Sabit Sadri Selvije Shqipe Shpend Smajl Teuta Uran Valdet Vesel Visar Xhelal Zenun
Bekim Bujar Burhan Driton Duda Enis Faton Fitim Glauk Hajdar Ilaz Jeton Lulzim Nait Petrit
Pranvera Saranda Ajrinë Gjelosh Hyrmet Blerina Arbnora Albulena Vjosa Lindita Ardiana Fjolla Rrezarta
Xhevdet Shkëlzen Ylber Nexhat Bedri Naim Remzi Mybera Bahrije Imer
`

// givenForeign are given names of the region's news that no list held, written
// from knowledge after batch 12 (round 13): Turkish and Kurdish names, the
// Belarusian, Ukrainian, Russian and Caucasian ones of their own
// transliteration, Albanian spellings of English names, Japanese, Arabic,
// Irish and Welsh, German, Portuguese and Nordic ones. Short names that are
// words of the three languages (Lan, Li, Hu) are left out.
var givenForeign = `
Jonny Aamir Amitabh Aishwarya Ezgi Seyit Seyyit Kutlu Ilgaz Doruk Feleknas Sezgi Mirgün Hidayet Garo Beril Bergüzar Dengir
Gizem Tuğçe Tuğba Sıla Yağmur Ecem Eylül Ilayda İlayda Nehir Defne Cemre Berfin Rojda Hêvî Leyla
Dzianis Siarhei Aliaksandr Uladzimir Volodymyr Oleksiy Oleksii Mykola Mykhailo Ekaterina Yekaterina
Arseniy Vitaly Vitali Pavlo Yuriy Yurii Serhiy Serhii Dmytro Mikheil Giorgi Serzh Nikolay Grigory
Xhek Xhon Xhorxh Xhejms Majkëll Dejvid Uilliam
Koei Akira Haruhiko Junichiro Yoshihiko Naoto Fumio Yoshihide Toshiki Masaharu Kiyoshi Tadashi
Kazuo Makoto Hiroshi Takeshi Kenji Shigeru Ichiro Taro Yukio
Faisal Faysal Hamad Tamim Suleiman Hisham Walid Nabil Tariq Qaboos Mohamed
Niall Ciaran Siobhan Sinead Gareth Emyr Sigmar Annegret Inácio Dilma Jaap Sauli Kersti Jarosław
Gjorge Stevo Bamir
`

// givenSq are more Albanian given names, Kosovar and Albanian, male and
// female, written from knowledge of the language after the third held-out
// run; names that the labelled batches 1–3 hold were left out on purpose, so
// that those batches do not credit the list with what it was not shown.
var givenSq = `
Abaz Abdyl Abedin Adil Adnan Agron Ajet Ajri Akif Alban Albert Albion Alush Amir Amrush Ardian
Ardit Arian Arianit Arsim Artan Artur Astrit Atdhe Avdi Azem Bahri Bajram Bardhyl Bashkim Basri
Bedri Behar Behxhet Besart Besim Bislim Blerim Bujar Burim Dardan Dashamir Dashnor Destan Dritan
Driton Durim Edmond Egzon Ekrem Elez Elmaz Elvis Emin Emrush Ermal Ervin Esat Fadil Fahri Faik
Fatmir Ferid Fetah Fisnik Flamur Florim Genc Gent Gëzim Granit Hajdar Hajrullah Hakif Hamit
Hazir Hetem Hilmi Hydajet Hysen Idriz Ilaz Ismet Isuf Jahja Jashar Jeton Kastriot Kemajl
Kreshnik Latif Lavdim Liridon Luan Mentor Mërgim Mirsad Muhamet Naser Nazmi Nebih Nexhat Nezir
Nijazi Nuhi Osman Pajtim Petrit Qazim Qemal Qerim Ramadan Ramiz Rifat Rrahim Rrustem Ruzhdi
Sabri Sadik Sadri Safet Sahit Salih Sejdi Shaban Shemsi Shkëlzen Shpend Shpëtim Sokol Sylejman
Tahir Taulant Teki Valon Vehbi Vedat Veton Visar Xhafer Xhemajl Xhevat Ymer Ylber Zeqir Zenun
Zijadin Zymer Hekuran Ilmi Isak Kamer Lirak Mursel Naim Nasuf Nezaket Njazi Pleurat Rushit Sabit
Selajdin Tefik Ukshin Vllaznim Zef Gjergj Gjon Pjetër Marjan Ndue Prenk Palok Tonin Frrok Petro
Spiro Thoma Jani Kristaq Andrea Llazar Shefki Bardhok Ilirjan Klodian Erjon Eljon Kejdi Klajdi
Jurgen Endrit Ergys Aurel Aleks Adelina Afërdita Albana Albulena Alketa Anila Arbnora Arjeta
Besiana Blerina Blerta Donika Edona Elona Elvira Entela Fatime Fjolla Gentiana Gresa Hana
Hatixhe Hava Hyrije Ilirjana Jehona Kaltrina Kimete Lindita Luljeta Majlinda Merita Mimoza
Mirlinda Nazmije Njomza Qëndresa Rina Rrezarta Safete Sanije Shukrije Teuta Valbona Valentina
Vjollca Xhevahire Xhemile Yllka Zyhra Ajshe Ariana Arlinda Besarta Blerona Dafina Diellza
Doruntina Drenusha Elmira Erza Florentina Hajrije Hasije Igballe Ilire Jetmira Kadrije Kumrije
Lirie Lumnije Lumturie Mevlude Mirjeta Myrvete Nafije Nezafete Qamile Remzije Sabahate Sadije
Sevdije Sofije Violeta Xhylie Zahide Zejnepe Zylfije Anisa Klea Kejsi Ledia Lorela Mariela
Migena Orjola Rezarta Silvana Suela Xhensila Enkeleda Eglantina Brunilda Elda Elsa Etleva Greta
Irena Jonida Manjola Mirela Oriana Rovena Senida Tatjana Vilma
`

// notGiven are entries of the generated list that are mostly other words in
// news text: months, titles, common English, Turkish and Albanian words
// written with a capital at a sentence start or inside institution names.
var notGiven = `
May June April August January March Will Major General King Queen Prince Princess Sultan Page
Price Grant Chase Hope Faith Joy Rich Sunny Summer Autumn Winter Spring Star Bank Street Young
Said Long Early Ray Art Ak Bir Can Ay Bahar Barış Umut Güneş Yıldız Deniz Doğan Kaya Demir
Çelik Toprak Irmak Derya Kader Sevgi Şeker Nur Gül Güven Hayat Millet Devrim Ulus Cumhur Özgür
Türk Ata Er Ilk İlk Bora Ege Arda Tuna Sahil Kent Başar Erdem Ergin Zafer Bayram Cuma Cumali
Rose Lily Iris Daisy Holly Ivy Jade Ruby Pearl Amber Crystal Dawn Eve Grace Mercy Patience
Trinity Angel Heaven Sky River Rain Storm Stone Sterling Baker Carter Cooper Fisher Hunter
Mason Miller Parker Porter Potter Sawyer Tanner Taylor Turner Walker Ward Webb Wells West
Drita Besa Shpresa Lule Bardh Bukuri Fjalë Fatbardh Paqe Liri Fitim Flutura Yll Diell Dielli
Vera Dita Nata Ora Era Bardha Lira Mali Zana Roma Kosova
Christian Islam Hindu Kristian Katolik Ortodoks Justice Royal Rex Duke Earl Sir Golden Silver
Grand Great Little Big North South East West New Old Dünya Kadın Anne Doğu Batı Kuzey Güney
Ramazan Real
Green Brown Black White Gray Grey
`

// Titles and roles that stand before a name. Keys are folded; Albanian
// forms are given as stems and inflected by sqTitleForms. A capitalized
// title inside a run of capitals splits it (Apple Chairman John Sculley).
var titleWords = map[string]string{
	"en": `president presidents vice chancellor premier prime minister ministers secretary chairman
chairwoman chairperson chief executive officer director governor senator sen rep representative
congressman congresswoman mayor judge justice gen colonel col lieutenant lt captain capt
admiral ambassador spokesman spokeswoman spokesperson analyst economist strategist mr mrs ms miss
dr prof professor sir lord lady dame pope king queen prince princess sheikh emperor leader
manager coach striker midfielder winger defender goalkeeper keeper captain chancellor treasurer
deputy assistant vice-president president-elect commissioner inspector sergeant detective
officer chief founder partner head trader dealer economist analysts author writer reporter
correspondent editor columnist actor actress singer star player champion boss opposition
starring co-starring actors actresses singers
candidate democrat republican senator-elect secretary-general envoy negotiator mediator
attorney lawyer solicitor barrister prosecutor speaker mp constable brigadier corporal marshal`,
	"tr": `cumhurbaskani cumhurbaskanimiz baskan baskani baskanimiz baskanvekili bakan bakani
basbakan basbakani yardimcisi milletvekili vekili sozcusu sozcu muduru mudur direktoru direktor
dr prof doc av avukat sayin bay bayan hakim savci vali valisi kaymakam rektor rektoru
uzman uzmani uyesi uye lideri lider antrenoru antrenor hoca hocasi oyuncu oyuncusu sanatci
sanatcisi yazar yazari gazeteci muhabir muhabiri ceo su ceosu komutani komutan general orgeneral
korgeneral tumgeneral tuggeneral kral krali prens papa seyh emir sef sefi kurucusu kurucu ortagi
baskomiser komiser mudiresi danismani danisman temsilcisi elcisi buyukelcisi buyukelci
ogretim sekreteri genelsekreteri yonetmeni yonetmen sunucu sunucusu spiker futbolcu futbolcusu
ressam sair sairi yonetici yoneticisi isadami isinsani avukati profesor docent
cumhurbaskanimiz basbakanimiz bakanimiz baskanimiz liderimiz dekan dekani hemsire baskomutan hanimefendi beyefendi merhum merhume rahmetli
anne annesi baba babasi esi kizi oglu kardesi dedesi ninesi besteci piyanist sarkici
muzisyen aktor aktris tiyatrocu sporcu kaleci golcu basketbolcu voleybolcu gureşci boksor
atlet oyuncumuz pilot kaptan ogrencisi ogretmen ogretmeni imam muftu
papaz patrik hakem hakemi`,
	"sq": `z zoti zonja znj dr prof doc`,
}

// sqTitleStems are Albanian nouns of roles, whose inflected forms stand
// before names in apposition: kryeministri Hoti, presidentin Hashim Thaçi,
// deputetja Pacolli.
var sqTitleStems = `president kryeministr ministr zëvendësministr zevendesministr deputet kryetar
nënkryetar nenkryetar kryeparlamentar zëdhënës zedhenes drejtor ambasador gazetar avokat
profesor doktor mjek shef sekretar prokuror gjyqtar trajner lojtar futbollist historian analist
kolumnist biznesmen këngëtar kengetar aktor aktore regjisor shkrimtar poet sulmues mbrojtës
portier mesfushor udhëheqës udheheqes lider kreu kre komandant gjeneral koordinator kryenegociator
negociator ekspert zyrtar kandidat funksionar komisioner ambasadore deputete kryetare ministre
presidente kryeministre drejtore profesore kancelar mbret mbretëresh princ papë papa imam
myfti kardinal dekan rektor kryebashkiak kryetar-i sipërmarrës siperemarres pronar themelues
aktivist veprimtar publicist studiues akademik shkencëtar shkencetar artist piktor kompozitor
sportist boksier atlet sekretar-i ministër kryeministër zëvendësministër`

// kinTitles are words of kinship that stand before a family member's name:
// with a single word after them it is a given name (kızı Selin'e).
var kinTitles = wordSet("anne annesi baba babasi esi kizi oglu kardesi dedesi ninesi")

// honorifics follow a Turkish name and mark it as a person's (Civrail Ağa,
// Ahmet Bey, Enver Paşa). They are part of the written name when they end it.
var honorifics = map[string]bool{"aga": true, "pasa": true, "efendi": true}

// familiar follow a Turkish given name in place of a surname (Kadir Ağabey,
// Ahmet Bey, Ayşe Hanım): they are dropped, and a given name alone is no
// person's full name.
var familiar = map[string]bool{"bey": true, "hanim": true, "agabey": true, "abi": true, "abla": true, "amca": true, "teyze": true, "dayi": true, "hoca": true, "hocam": true}

// abbrevTitles are abbreviated titles written with a dot that ends no
// sentence (Dr. Hakan Özörnek, z. Arben Gashi, Prof. Dr. Begüm Atasay;
// Turkish professions: Opr. Dr. operatör, Uzm. Psk. psikolog, Dyt.
// diyetisyen, Ecz. eczacı, Dt. diş hekimi): they open a name, never are one.
var abbrevTitles = map[string]bool{
	"dr": true, "prof": true, "doc": true, "mr": true, "mrs": true, "ms": true,
	"z": true, "znj": true, "av": true, "gen": true, "col": true, "lt": true, "sen": true,
	"rep": true, "gov": true, "jr": true, "sr": true, "capt": true, "sgt": true, "mt": true,
	"uzm": true, "op": true, "yrd": true, "ord": true,
	"opr": true, "psk": true, "dyt": true, "ecz": true, "dt": true,
}

// abbrevOther are abbreviations with a dot that ends no sentence and are no
// title: St. Joe Gold is a company, not a saint's title.
var abbrevOther = map[string]bool{"st": true, "no": true, "nr": true, "vs": true, "inc": true, "corp": true, "co": true, "ltd": true}

// particles join the words of a name (Eduardo de los Angeles, Daniele Delli
// Carri, Ursula von der Leyen, David Badia i Cequier) when a capitalized word
// follows. Albanian "i"/"e" are articles, Turkish "de"/"da" conjunctions:
// they do not join names in texts of those languages.
var particles = map[string]bool{
	"de": true, "del": true, "della": true, "di": true, "da": true, "dos": true, "das": true,
	"do": true, "du": true, "van": true, "von": true, "der": true, "den": true, "ter": true,
	"la": true, "le": true, "los": true, "las": true, "bin": true, "ibn": true, "al": true,
	"el": true, "y": true, "i": true, "zu": true, "ben": true,
}

// orgWords are words of institutions, companies, places and events. A run
// of capitals holding one (Toll Brothers, Güven Hastanesi, Ted Bates
// Worldwide, Atatürk Havalimanı, Nazarbayev University) is no person, and
// its words name nobody elsewhere in the article either.
var orgWords = `
inc corp corporation co company cos ltd plc llc lp ag gmbh sa spa nv bv ab asa oy kk
brothers bros group holdings holding partners associates securities capital bank bancorp
bankshares banc trust fund funds financial investments investment industries international
worldwide enterprises systems technologies technology electronics communications airlines
airways motors motor pictures cinema cinemas films entertainment manufacturing foods stores markets petroleum oil gas energy resources mining mines
insurance life assurance savings realty properties pharmaceuticals chemical chemicals steel
university college school institute foundation center centre hospital clinic museum
library academy society association council committee commission agency authority board
airport street avenue road square park bridge stadium arena hall tower building house castle
palace lane prize award awards cup trophy festival fellowship scholarship lecture lectures
memorial center church cathedral mosque station hotel restaurant theatre theater studios
records publishing press times post journal magazine tv radio network news daily herald
tribune gazette party movement front union league club fc united city county district
province state republic region island islands river lake mountain mount valley bay coast
ministry ministries department office observatory laboratory laboratories bureau service
services town electric dynamics mills revolution war crisis summit accord treaty programme
program initiative campaign conference talks games olympics championship novosti tass xinhua
itar-tass afp dpa treasury government administration embassy
chronicle examiner observer telegraph inquirer sentinel dispatch bulletin monitor guardian
reporter globe limited minerals metals aerospace aviation helicopter helicopters rate rates media
tender act acts labs sons stand mobile
parliament senate congress court army navy police exchange commodity futures
hastanesi universitesi havalimani havaalani caddesi cadde sokak sokagi bulvari meydani
parki camii cami koprusu stadi stadyumu lisesi okulu vakfi dernegi kulubu bankasi partisi
mahallesi ilcesi belediyesi kupasi odulu festivali muzesi sarayi koskii kosku tuneli baraji
gazetesi merkezi enstitusu fakultesi grubu sirketi holding ltd sti kurulu kurumu ajansi
borsasi odasi birligi federasyonu konfederasyonu sendikasi vakif kuvvetleri komutanligi
bakanligi yonetimi mudurlugu valiligi kaymakamligi hastanesi salonu sahnesi tiyatrosu oteli
universiteti universitetit universitetin aeroporti aeroportit aeroportin sheshi sheshit
rruga rrugen rruges instituti institutit spitali spitalit stadiumi stadiumit fondacioni
fondacionit shkolla shkolles shkollen gjimnazi gjimnazit klubi klubit kompania kompanise
partia partise levizja levizjes banka bankes qendra qendres klinika klinikes bulevardi
bulevardit lagjja lagjes ura ures kalaja kalase monumenti monumentit oda odes oden
autostrada autostrades autostraden aniti anitlari anitkabir
anadolu trakya kuzeydogu guneydogu kuzeybati guneybati ortadogu
gallery galleries galerie galeri galerisi kislasi kisla toreni barracks farms contemporary suisse arabia
`

// firmPartners end a firm named after a person after "and" or "&" (John
// Blair and Co, Alex Brown and Sons); firmAfterWords end one right after the
// name (Marion Labs, Matthew Harding Stand), firmBefore stand before the
// name (Booz Allen Hamilton). See firms.
var (
	firmPartners   = wordSet("co company sons")
	firmAfterWords = wordSet("co company sons labs laboratories securities stand")
	firmBefore     = wordSet("booz")
)

// stateSurnames are names of US states that no common surname shares: in
// English after one capitalized word without a title they end a firm's
// name (Murray Ohio), not a person's (round 16). States that are surnames
// or given names (Washington, Montana, Georgia, Carolina) are left out.
var stateSurnames = wordSet(`ohio texas california florida illinois michigan pennsylvania
massachusetts connecticut minnesota wisconsin iowa kansas nebraska oklahoma arkansas louisiana
mississippi alabama tennessee kentucky missouri arizona oregon utah idaho alaska hawaii
delaware maryland colorado`)

// orgUpperOnly are company forms that are words of names in mixed case
// (Aşa, Sa, Ab): they make a company only in capitals (Norsk Hydro ASA).
var orgUpperOnly = wordSet("ag sa spa nv bv ab asa oy kk lp")

// trOrgStems are Turkish institution and event words, matched as the start
// of a word because Turkish writes their case endings without an apostrophe
// inside names (Genç Girişimciler Kurulunun, Yunus Emre İlçesindeki).
var trOrgStems = []string{"kurul", "ilce", "hastane", "universite", "havaliman", "havaalan",
	"cadde", "sokag", "bulvar", "meydan", "cami", "kopru", "stad", "lise", "okul", "vakf",
	"vakif", "dernek", "dernegi", "kulub", "banka", "parti", "mahalle", "belediye", "kupas",
	"odul", "festival", "muze", "saray", "kosk", "tunel", "baraj", "gazete", "merkez", "enstitu",
	"fakulte", "grub", "sirket", "kurum", "ajans", "borsa", "birlig", "federasyon", "sendika",
	"kuvvet", "komutanl", "bakanl", "mudurlu", "valil", "salon", "tiyatro", "otel", "secim",
	"hastalik", "orgut", "meclis", "daires", "birim", "takim", "holding", "platform", "teskilat",
	"konsey", "komisyon", "komite", "heyet", "mahkeme", "savcilik", "emniyet", "jandarma",
	"ligi", "sozlesme", "kanun", "anayasa", "soruşturma", "sorustur", "operasyon", "toplulug",
	"akademi", "hukumet", "bolum", "isleri", "katliam", "savas", "darbe", "muharebe", "harekat",
	"zirve", "konferans", "kongre", "kurultay", "tesis", "yollar", "spor", "anabilim", "bilim", "kliniği", "klinig",
	"koyu", "koyun", "korosu", "egitim", "arastirma", "otomotiv", "aniti", "anitkabir",
	"galeri", "kisla", "toren", "sancag", "vilayet", "eyalet"}

// trTitleStems are the stems of Turkish titles, whose inflected forms
// (Cumhurbaşkanımızın, Yardımcısına) stand after a title as the title again.
var trTitleStems = []string{"cumhurbaskan", "basbakan", "bakan", "baskan", "yardimci", "sekreter",
	"milletvekil", "sozcu", "mudur", "valis", "kaymakam", "buyukelci"}

// trPlaceStems are the Turkish words of places and buildings that follow
// the name of what is named after a person even in lowercase (Yunus Emre
// ilçesi, Atatürk havalimanı); others (Erdoğan hükümeti) name the person.
var trPlaceStems = []string{"ilce", "mahalle", "cadde", "sokag", "koy", "bulvar", "meydan",
	"havaliman", "havaalan", "stad", "cami", "kopru", "universite", "hastane", "lise", "okul",
	"park", "kultur merkez", "baraj", "tunel", "bulvar"}

// notPersons are names of companies and things that read like a person's
// full name (Freddie Mac, Dean Witter), or like a title and a surname (Dr
// Pepper, Mr Kipling: brands): world knowledge, not a list from the corpus.
var notPersons = `freddie-mac fannie-mae sallie-mae ginnie-mae dow-jones morgan-stanley merrill-lynch
dean-witter goldman-sachs smith-barney paine-webber kidder-peabody charles-schwab
edward-jones marks-spencer johnson-johnson procter-gamble hewlett-packard rolls-royce
arthur-andersen arthur-young price-waterhouse ernst-whinney peat-marwick walt-disney
ben-jerry jack-daniels johnnie-walker estee-lauder ralph-lauren calvin-klein tommy-hilfiger
isa-mesih hz-isa hz-muhammed
rio-janeiro sao-paulo porto-alegre buenos-aires san-francisco san-diego san-antonio san-jose
santa-barbara santa-monica santa-cruz santa-fe los-angeles las-vegas costa-rica puerto-rico
dr-pepper dr-martens dr-oetker dr-scholl mr-kipling mr-muscle mr-clean captain-morgan
real-madrid milton-keynes richmond-hill morris-minor sans-serif pinar-karsiyaka armani-milano`

// orgHeadsBefore are Albanian heads that stand before the name of the thing
// named after a person (Universiteti Johns Hopkins, Aeroporti Adem Jashari,
// Sheshi Skënderbej), in their folded inflected forms; English "University of".
var orgHeadsBefore = `
universiteti universitetit universitetin universitetet aeroporti aeroportit aeroportin sheshi
sheshit sheshin rruga rrugen rruges rrugës rrugën instituti institutit institutin spitali
spitalit spitalin stadiumi stadiumit stadiumin fondacioni fondacionit fondacionin shkolla
shkolles shkollen gjimnazi gjimnazit gjimnazin qendra qendres qendren klinika klinikes
klinikën autostrada autostrades autostraden autostradës autostradën bulevardi bulevardit bulevardin lagjja lagjes lagjen ura ures uren monumenti
monumentit monumentin gazeta gazetes gazeten gazetës gazetën kompleksi kompleksit salla salles sallen teatri teatrit teatrin
muzeu muzeut muzeun biblioteka bibliotekes bibliotekën kolegji kolegjit kolegjin
galerie galeri galeria galerise
fc cska sk kf kk
`

// notNameWords are capitalized words that start sentences or headings and
// are never a name's first word: function words and frequent sentence openers
// of the three languages beyond the stop lists, days, months; Turkish genel
// (general), which runs a firm's name into its office (Towers Watson Genel
// Müdürü).
var notNameWords = `
the a an this that these those he she it they we you i his her its their our my your mr mrs
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december
pazartesi sali carsamba persembe cuma cumartesi pazar ocak subat mart nisan mayis haziran
temmuz agustos eylul ekim kasim aralik genel
e hene e marte e merkure e enjte e premte e shtune e diel janar shkurt mars prill maj qershor
korrik gusht shtator tetor nentor dhjetor
god allah perendia jesus hz hazreti
avrupa asya afrika europe asia africa evropa evrope azia ballkan balkan balkanlar kafkasya
gulf arab arabs latin
`

// knownPerson is one of the people the region's news names often, with the
// spellings of the three languages and their transliterations. Their surname
// alone names them (Erdoğan'ın, Kurtit, Tokaev) when surnameAlone is set:
// only for surnames that name one person in the news of their time.
type knownPerson struct {
	name         string // canonical display name
	given        string // given-name spellings, space separated (any one is enough)
	surnames     string // surname spellings, space separated
	surnameAlone bool
	// alone are the spellings of the one name the news knows them by when
	// it is not their surname (Saddam, Napoleon, Skënderbeu): it names them
	// alone, their surname then does not (King Hussein is not Saddam).
	alone string
}

// knownPersons are the persons known by name in all three languages;
// knownPersonsSq (persons_sq.go) adds those of the region's Albanian news.
var knownPersons = append([]knownPerson{
	// Turkey
	{"Recep Tayyip Erdoğan", "Recep Tayyip Tayyib Rexhep Taip Tajip Tayip Redžep", "Erdoğan Erdogan Erdoan", true, ""},
	{"Ahmet Davutoğlu", "Ahmet Ahmed", "Davutoğlu Davutoglu Davutogllu", true, ""},
	{"Kemal Kılıçdaroğlu", "Kemal", "Kılıçdaroğlu Kilicdaroglu Kiliçdaroglu Kiliçdaroğlu", true, ""},
	{"Devlet Bahçeli", "Devlet", "Bahçeli Bahceli", true, ""},
	{"Selahattin Demirtaş", "Selahattin", "Demirtaş Demirtas", true, ""},
	{"Abdullah Gül", "Abdullah", "Gül Gul Gyl", false, ""},
	{"Binali Yıldırım", "Binali", "Yıldırım Yildirim", false, ""},
	{"Mevlüt Çavuşoğlu", "Mevlüt Mevlut Mevlyt", "Çavuşoğlu Cavusoglu Çavushoglu Çavusoglu Cavushoglu", true, ""},
	{"Hakan Fidan", "Hakan", "Fidan", false, ""},
	{"Süleyman Soylu", "Süleyman Suleyman", "Soylu", false, ""},
	{"Mustafa Kemal Atatürk", "Mustafa Kemal", "Atatürk Ataturk Ataturku", true, ""},
	{"İsmet İnönü", "İsmet Ismet", "İnönü Inonu", false, ""},
	{"Süleyman Demirel", "Süleyman Suleyman", "Demirel", true, ""},
	{"Turgut Özal", "Turgut", "Özal Ozal", true, ""},
	{"Bülent Ecevit", "Bülent Bulent", "Ecevit", true, ""},
	{"Tansu Çiller", "Tansu", "Çiller Ciller", true, ""},
	{"Mesut Yılmaz", "Mesut", "Yılmaz Yilmaz", false, ""},
	{"Necmettin Erbakan", "Necmettin", "Erbakan", true, ""},
	{"Ekrem İmamoğlu", "Ekrem", "İmamoğlu Imamoglu", true, ""},
	{"Fethullah Gülen", "Fethullah", "Gülen Gulen Gylen", true, ""},
	{"Meral Akşener", "Meral", "Akşener Aksener", true, ""},
	{"Ali Babacan", "Ali", "Babacan", false, ""},
	{"Mehmet Şimşek", "Mehmet", "Şimşek Simsek", false, ""},
	// Kosovo, Albania and neighbours
	{"Hashim Thaçi", "Hashim", "Thaçi Thaci Taçi Tachi", true, ""},
	{"Albin Kurti", "Albin", "Kurti", true, ""},
	{"Vjosa Osmani", "Vjosa", "Osmani", false, ""},
	{"Avdullah Hoti", "Avdullah", "Hoti", false, ""},
	{"Ramush Haradinaj", "Ramush", "Haradinaj", false, ""},
	{"Kadri Veseli", "Kadri", "Veseli", false, ""},
	{"Isa Mustafa", "Isa", "Mustafa", false, ""},
	{"Ibrahim Rugova", "Ibrahim", "Rugova", true, ""},
	{"Edi Rama", "Edi", "Rama", true, ""},
	{"Ilir Meta", "Ilir", "Meta", true, ""},
	{"Sali Berisha", "Sali", "Berisha", false, ""},
	{"Lulzim Basha", "Lulzim", "Basha", false, ""},
	{"Aleksandar Vučić", "Aleksandar Aleksandër Aleksander Alexander", "Vučić Vucic Vuçiq Vuçiç Vuciq Vuçić", true, ""},
	{"Ivica Dačić", "Ivica", "Dačić Dacic Daçiq Daçiç", true, ""},
	{"Miroslav Lajčák", "Miroslav Mirosllav", "Lajčák Lajcak Lajçak Lajçák", true, ""},
	{"Richard Grenell", "Richard Riçard", "Grenell", true, ""},
	{"Milorad Dodik", "Milorad Millorad", "Dodik", true, ""},
	{"Slobodan Milošević", "Slobodan Sllobodan", "Milošević Milosevic Millosheviq Miloşeviç Milosheviq", true, ""},
	{"Josep Borrell", "Josep", "Borrell", true, ""},
	// Central Asia and the Caucasus
	{"Kassym-Jomart Tokayev", "Kassym-Jomart Kassym Kasym-Zhomart Kasym Qasym-Jomart Qasym Kasım Cömert Kasım-Cömert Kasim Kassim-Jomart Jomart Zhomart",
		"Tokayev Tokaev Toqaev Tokaiev Tokajev Tokayev Tokayevi Tokaevi", true, ""},
	{"Nursultan Nazarbayev", "Nursultan", "Nazarbayev Nazarbaev Nazarbajev Nazarbayeva", true, ""},
	{"Sadyr Japarov", "Sadyr Sadır Sadir", "Japarov Zhaparov Caparov Dzhaparov Xhaparov Djaparov Zhaparovi", true, ""},
	{"Sooronbay Jeenbekov", "Sooronbay Sooronbai", "Jeenbekov Zheenbekov Ceenbekov Dzheenbekov", true, ""},
	{"Almazbek Atambayev", "Almazbek", "Atambayev Atambaev Atambajev", true, ""},
	{"Shavkat Mirziyoyev", "Shavkat Şevket Şavkat", "Mirziyoyev Mirziyoev Mirziyayev Mirziyaev Mirzijojev", true, ""},
	{"Islam Karimov", "Islam İslam", "Karimov Kerimov", false, ""},
	{"Emomali Rahmon", "Emomali", "Rahmon Rakhmon Rahmonov", true, ""},
	{"Gurbanguly Berdimuhamedow", "Gurbanguly Gurbangulı", "Berdimuhamedow Berdimuhamedov Berdymukhamedov Berdimuhammedov", true, ""},
	{"Ilham Aliyev", "Ilham İlham", "Aliyev Aliev Alijev", false, ""},
	// Russia, Europe, the US and the 1980s wires
	{"Vladimir Putin", "Vladimir Vlladimir", "Putin", true, ""},
	{"Dmitry Medvedev", "Dmitry Dmitri Dmitriy", "Medvedev", true, ""},
	{"Sergey Lavrov", "Sergey Sergei", "Lavrov", true, ""},
	{"Mikhail Gorbachev", "Mikhail Mihail", "Gorbachev Gorbaçov Gorbachov Gorbaçev", true, ""},
	{"Boris Yeltsin", "Boris", "Yeltsin Yeltsinin Jelcin", true, ""},
	{"Donald Trump", "Donald", "Trump Tramp", true, ""},
	{"Joe Biden", "Joe Xho", "Biden Bajden", true, ""},
	{"Barack Obama", "Barack Barak", "Obama", true, ""},
	{"Ronald Reagan", "Ronald", "Reagan Regan", true, ""},
	{"Margaret Thatcher", "Margaret", "Thatcher", true, ""},
	{"Yasuhiro Nakasone", "Yasuhiro", "Nakasone", true, ""},
	{"Paul Volcker", "Paul", "Volcker", true, ""},
	{"Alan Greenspan", "Alan", "Greenspan", true, ""},
	{"Angela Merkel", "Angela", "Merkel", true, ""},
	{"Emmanuel Macron", "Emmanuel Emanuel", "Macron Makron", true, ""},
	{"Tony Blair", "Tony Toni", "Blair", false, ""},
	{"Mike Pompeo", "Mike Majk", "Pompeo", true, ""},
	{"Jens Stoltenberg", "Jens", "Stoltenberg", false, ""},
	{"António Guterres", "António Antonio", "Guterres", true, ""},
	{"Ursula von der Leyen", "Ursula", "Leyen", false, ""},
	{"Lionel Messi", "Lionel", "Messi", true, ""},
	// Persons the news of any time names by one name: dictators, founders,
	// rebels, artists, footballers (round 13), written from what is widely
	// known, in the three languages' spellings. A name shared by several
	// famous people (Gandhi, Castro, Assad, Ronaldo) is left out, as is one
	// that is also a common given name (Tarkan, Platon).
	{"Joseph Stalin", "Joseph Josef Iosif Josif Jozef", "Stalin Staljin", true, ""},
	{"Vladimir Lenin", "Vladimir Vlladimir", "Lenin", true, ""},
	{"Leon Trotsky", "Leon Lev", "Trotsky Trotski Troçki Trocki", true, ""},
	{"Adolf Hitler", "Adolf", "Hitler", true, ""},
	{"Benito Mussolini", "Benito", "Mussolini Musolini", true, ""},
	{"Winston Churchill", "Winston", "Churchill Çörçil Çerçil", true, ""},
	{"Josip Broz Tito", "Josip Broz", "Tito", true, ""},
	{"Napoleon Bonaparte", "Napoleon Napolyon Napoleoni", "Bonaparte Bonapart", false, "Napoleon Napolyon Napoleoni"},
	{"Saddam Hussein", "Saddam Sadam", "Hussein Hüseyin Husein Hysein", false, "Saddam Sadam"},
	{"Muammar Gaddafi", "Muammar Muammer Moammar", "Gaddafi Qaddafi Kaddafi Kadafi Gadhafi Khadafy Kadhafi Gadafi", true, ""},
	{"Ruhollah Khomeini", "Ruhollah Ruhullah", "Khomeini Humeyni Homeini Khomeiny Khomeni", true, ""},
	{"Ali Khamenei", "Ali", "Khamenei Hamaney Hamenei Khamenej", true, ""},
	{"Mahmoud Ahmadinejad", "Mahmoud Mahmud", "Ahmadinejad Ahmedinejad Ahmedinecad Ahmadinexhad", true, ""},
	{"Hassan Rouhani", "Hassan Hasan", "Rouhani Ruhani", true, ""},
	{"Yasser Arafat", "Yasser Yaser Jaser Yasir", "Arafat", true, ""},
	{"Hosni Mubarak", "Hosni Hüsnü Husni", "Mubarak", true, ""},
	{"Benjamin Netanyahu", "Benjamin Binyamin Benyamin", "Netanyahu Netanjahu", true, ""},
	{"Bashar al-Assad", "Bashar Beşar Beşşar", "Assad Esad Esed Asad", false, ""},
	{"Abdullah Öcalan", "Abdullah", "Öcalan Ocalan Oxhalan", true, ""},
	{"Mao Zedong", "Mao", "Zedong", false, "Mao"},
	{"Xi Jinping", "Xi Şi", "Jinping Cinping Xinping", false, ""},
	{"Nicolae Ceaușescu", "Nicolae", "Ceaușescu Ceausescu Çavuşesku Çaushesku Causescu", true, ""},
	{"Augusto Pinochet", "Augusto", "Pinochet", true, ""},
	{"Ernesto Che Guevara", "Ernesto Che", "Guevara Gevara", true, ""},
	{"Nelson Mandela", "Nelson", "Mandela", true, ""},
	{"Kofi Annan", "Kofi", "Annan", true, ""},
	{"Enver Hoxha", "Enver", "Hoxha", false, ""},
	{"Gjergj Kastrioti Skënderbeu", "Gjergj George", "Kastrioti Skanderbeg Skenderbeg", false, "Skënderbeu Skenderbeu Skënderbeg Skanderbeg Skenderbeg İskender Iskender"},
	{"Adem Demaçi", "Adem", "Demaçi Demaci", true, ""},
	{"Karl Marx", "Karl", "Marx", true, ""},
	{"Albert Einstein", "Albert", "Einstein Aynştayn", true, ""},
	{"Sigmund Freud", "Sigmund", "Freud Frojd", true, ""},
	{"Wolfgang Amadeus Mozart", "Wolfgang Amadeus", "Mozart Mocart", true, ""},
	{"Ludwig van Beethoven", "Ludwig", "Beethoven Bethoven", true, ""},
	{"William Shakespeare", "William", "Shakespeare Şekspir Shekspir", true, ""},
	{"Pablo Picasso", "Pablo", "Picasso Pikaso Pikasso", true, ""},
	{"Molière", "Jean-Baptiste", "Molière Moliere Molier Poquelin", true, ""},
	{"Bertolt Brecht", "Bertolt Bertold", "Brecht Breht", true, ""},
	{"Diego Maradona", "Diego", "Maradona", true, ""},
	{"Pelé", "Edson", "Pelé", true, ""},
	{"Zlatan Ibrahimović", "Zlatan", "Ibrahimović Ibrahimovic İbrahimoviç Ibrahimoviq", true, ""},
	{"Mesut Özil", "Mesut", "Özil Ozil", true, ""},
	{"Vladimir Zhirinovsky", "Vladimir", "Zhirinovsky Jirinovski Zhirinovski", true, ""},
	{"Volodymyr Zelensky", "Volodymyr Volodimir", "Zelensky Zelenskyy Zelenskiy Zelenski Zelenskyi", true, ""},
	{"Viktor Orbán", "Viktor", "Orbán Orban", true, ""},
	{"Alexis Tsipras", "Alexis Aleksis", "Tsipras Çipras Cipras", true, ""},
	{"Kyriakos Mitsotakis", "Kyriakos Kiriakos", "Mitsotakis Micotakis Mitsotaqis", true, ""},
	{"Federica Mogherini", "Federica", "Mogherini Mogerini", true, ""},
	{"Jean-Claude Juncker", "Jean-Claude Zhan-Klod", "Juncker Junker", true, ""},
	{"Donald Tusk", "Donald", "Tusk", true, ""},
	{"Christine Lagarde", "Christine Kristin", "Lagarde Lagard", true, ""},
	{"Mario Draghi", "Mario", "Draghi", true, ""},
}, knownPersonsSq...)

// sqTitleForms inflects an Albanian role noun: president → presidenti,
// presidentit, presidentin, presidentja; kryeministr(i) → kryeministri...
func sqTitleForms(stem string) []string {
	forms := []string{stem}
	for _, s := range []string{"i", "it", "in", "ja", "es", "en", "e", "ë", "ët", "ëve", "ve", "a", "ës", "ën", "u", "ut", "un", "ja", "së", "në"} {
		forms = append(forms, stem+s)
	}
	return forms
}

func wordSet(lists ...string) map[string]bool {
	out := map[string]bool{}
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			out[fold(w)] = true
		}
	}
	return out
}
