package extract

// givenSqWritten are Albanian given names written from knowledge of the language
// in round 17: male and female, of Albania, Kosovo, North Macedonia and
// Montenegro, Muslim, Catholic and Orthodox, Illyrian-style and modern ones;
// Albanian spellings of foreign given names (Xhozef, Fransua, Zhak, Nebojsha,
// Vlladimir), and a few Arabic transliterations. Names that are common
// Albanian words (Drita, Shpresa, Mendim, Kujtime) or places (Vlora,
// Shkumbin) are left out, and so are the ones the other lists hold.
var givenSqWritten = `
Abas Abdi Abdurrahman Abdurrahim Agon Agush Ajdin Akil Alket Amarildo Andon Ardi Aristidh
Artian Artion Arton Asllan Atrit Avdyl Bajrush Besfort Bleart Blendi Bledar Blerton Bratisllav
Branisllav Çerçiz Dalip Demush Dervish Dibran Ditmir Dorant Drin Edmir Edon Eduart Ejup Elidon
Eltion Eni Endri Lëndon Erald Erblin Erind Erlind Ersen Ervis Eset Etem Fahredin Fatjon Feti Fiqiri
Flakron Fotaq Fredi Gani Gazmir Gencian Genti Gentrit Gerti Gjin Gjok Gjovalin Gledis Gramoz
Greis Ibish Ilirian Indrit Izet Jetmir Kapllan Kasem Kleart Klevis Kozma Lavdrim Lazim Ledio
Lefter Leotrim Lindor Llambi Lluka Medon Mefail Mehmedali Meriton Mihal Myftar Myrteza Nehat
Nexhmi Nikollë Nysret Olsi Orges Orgest Pajazit Pashk Pashako Perlat Piro Qamil Rashit Razim
Redon Rejhan Reshat Rizah Rrok Rron Sajmir Saimir Selman Sevdail Shefqet Shyqeri Sidrit Sotir
Sotiraq Stavri Sulejman Thimi Uljan Ulsi Vangjel Vaso Valmir Vehap Vigan Xhavit Xhemail Xhuljan
Ziadin Zylfi Andin Arbnor Bato Monun Skerdilajd Pirro Labeat Mhill Mëhill Ndoc Preng Palokë
Gjeto Luigj Kolec Lazër Marash Zefi Pal Ndrec Ndrecë Gjokë Nikoll Frano Nard Kristo Jorgo
Thanas Llambro Koço Dhimitër Dhimitri Panajot Theodhor Kostandin Petraq Aleko Kiço Kostaq Nasho
Pandi Pano Ilo Mitro Naum Gaqo Dhori Josif Llazi Arbenita Ardita Arbërie Besjana Dardana
Dorentina Dorentinë Edlira Elira Erjona Fatbardha Fjoralba Florije Fluturije Gjylije Gjyste
Iliriana Marigona Mejreme Melihate Nazlie Nerimane Rabije Rexhepe Sabiha Sebahate Servete
Shaqire Shemsije Shkurte Shyhrete Valdete Yllza Zyrafete Arbana Arnisa Aulona Ejona Ornela
Anxhela Eriselda Xhoana Klodiana Enxhi Sidorela Rudina Ermira Afrodita Ajola Aldona Anjeza Evis
Floresha Gjeraqina Gentjana Kozeta Lirije Liljana Mirsada Nexhmije Resmije Sabrie Sihana Tefta
Xhina Xheneta Zelfije Zenepe Raima Isme Shpresime Hajrie Qefsere Xhyljeta Miradije Shefkije
Fiqirete Vjosana Rinesa Fetije Xhozef Xhesika Xhenifer Xhastin Xhim Xhoi Xhulia Xheni Xhuliano
Xhoni Xhoe Xhejn Xhefri Xhuzepe Majk Stiv Fransua Zhak Zhan Sharl Mishel Zhoze Pjer Hilari Taip
Dmitrij Jurij Nikolla Anatolij Jevgenij Nikolaj Pjotr Valerij Vasilij Millosh Nebojsha Dushan
Srgjan Zllatko Mlladen Vllado Vlladimir Vlladan Dragisha Zhelko Zhivko Ratko Bozhidar Vojisllav
Snezhana Dushko Millan Momçillo Ljubço Ljupço Gjorgje Radosllav Dobrica Tomisllav Hussain Chuck
Abdulrahman Khaled Saad
`

// sqWordGiven are Albanian given names that are also words of one of the
// three languages (Time, Lan, Drita "light", Shpresa "hope"), so no shared
// list holds them: in Albanian text they open a name only as sqGivenShape
// reads one, before a surname of Albanian shape that the article never
// writes in lowercase (round 17).
var sqWordGiven = wordSet(`Time Lan Drita Besa Shpresa Lule Flutura Fitim Bardh Bukuri Mira Vesa Zana
Liri Dielli Trim Kushtrim Zgjim Shkëlqim Mendim Lundrim Vullnet
Fatbardh Dritë Qershore Bora Jeta`)

// knownPersonsSq are more people the region's Albanian news names often,
// written from what is widely known in round 17: leaders of Kosovo,
// Albania, Serbia, North Macedonia, Montenegro, Bosnia and Croatia, the
// envoys and the Western leaders of their affairs, with the Albanian
// spellings of their names (Gjuriq, Zhak Shirak, Olbrajt). A surname that
// other people of the news bear too names them alone only as sqKnownAlone
// reads it. Each spelling folds apart from the others
// (TestKnownPersonsSq_Spellings): the surname table lists a person once per
// spelling, and a folded key listed twice names no single person
// (Kancelarit Schröder).
var knownPersonsSq = []knownPerson{
	// Kosovo and Albania
	{"Behgjet Pacolli", "Behgjet Behxhet", "Pacolli", false, ""},
	{"Fatmir Limaj", "Fatmir", "Limaj", false, ""},
	{"Glauk Konjufca", "Glauk", "Konjufca", true, ""},
	{"Donika Gërvalla", "Donika", "Gërvalla", false, ""},
	{"Memli Krasniqi", "Memli", "Krasniqi", false, ""},
	{"Jakup Krasniqi", "Jakup", "Krasniqi", false, ""},
	{"Agim Çeku", "Agim", "Çeku", false, ""},
	{"Atifete Jahjaga", "Atifete", "Jahjaga", true, ""},
	{"Fatmir Sejdiu", "Fatmir", "Sejdiu", false, ""},
	{"Enver Hoxhaj", "Enver", "Hoxhaj", false, ""},
	{"Bajram Begaj", "Bajram", "Begaj", false, ""},
	{"Monika Kryemadhi", "Monika", "Kryemadhi", true, ""},
	{"Gramoz Ruçi", "Gramoz", "Ruçi", false, ""},
	{"Erion Veliaj", "Erion", "Veliaj", true, ""},
	{"Bujar Nishani", "Bujar", "Nishani", false, ""},
	{"Rexhep Meidani", "Rexhep", "Meidani Mejdani", false, ""},
	{"Alfred Moisiu", "Alfred", "Moisiu", false, ""},
	{"Fatos Nano", "Fatos", "Nano", false, ""},
	{"Ramiz Alia", "Ramiz", "Alia", false, ""},
	{"Ditmir Bushati", "Ditmir", "Bushati", false, ""},
	{"Olta Xhaçka", "Olta", "Xhaçka", true, ""},
	{"Gent Cakaj", "Gent", "Cakaj", false, ""},
	{"Ismail Kadare", "Ismail", "Kadare", true, ""},
	{"Ali Ahmeti", "Ali", "Ahmeti", false, ""},
	{"Arben Xhaferi", "Arben", "Xhaferi", false, ""},
	// Serbia
	{"Marko Đurić", "Marko", "Đurić Djuric Đuriq Gjuriq Gjuriç Xhuriq", false, ""},
	{"Ana Brnabić", "Ana", "Brnabić Brnabiq Bërnabiq", true, ""},
	{"Petar Petković", "Petar", "Petković Petkoviq", false, ""},
	{"Goran Rakić", "Goran", "Rakić Rakiq", false, ""},
	{"Tomislav Nikolić", "Tomislav Tomisllav", "Nikolić Nikoliq", false, ""},
	{"Boris Tadić", "Boris", "Tadić Tadiq", false, ""},
	{"Zoran Đinđić", "Zoran", "Đinđić Djindjic Gjingjiq Xhinxhiq Đinđiq", true, ""},
	{"Vojislav Koštunica", "Vojislav Vojisllav", "Koštunica Koshtunica", true, ""},
	{"Ratko Mladić", "Ratko", "Mladić Mladiq Mlladiq", true, ""},
	{"Radovan Karadžić", "Radovan", "Karadžić Karaxhiq Karaxhiç Karadziq", true, ""},
	// North Macedonia, Montenegro, Bosnia, Croatia, Slovenia
	{"Zoran Zaev", "Zoran", "Zaev", true, ""},
	{"Nikola Gruevski", "Nikola Nikolla", "Gruevski", true, ""},
	{"Stevo Pendarovski", "Stevo", "Pendarovski", true, ""},
	{"Hristijan Mickoski", "Hristijan Hristian", "Mickoski", true, ""},
	{"Dimitar Kovačevski", "Dimitar", "Kovačevski", true, ""},
	{"Milo Đukanović", "Milo", "Đukanović Djukanovic Đukanoviq Gjukanoviq Gjukanoviç Xhukanoviq", true, ""},
	{"Dritan Abazović", "Dritan", "Abazović Abazoviq", true, ""},
	{"Zdravko Krivokapić", "Zdravko", "Krivokapić Krivokapiq", true, ""},
	{"Alija Izetbegović", "Alija", "Izetbegović Izetbegoviq", false, ""},
	{"Bakir Izetbegović", "Bakir", "Izetbegović Izetbegoviq", false, ""},
	{"Andrej Plenković", "Andrej", "Plenković Plenkoviq", true, ""},
	{"Franjo Tuđman", "Franjo", "Tuđman Tudjman Tugjman Tuxhman", true, ""},
	{"Janez Janša", "Janez", "Janša Jansha", true, ""},
	// Envoys and Western leaders of the region's affairs
	{"Martti Ahtisaari", "Martti Marti", "Ahtisaari Ahtisari", true, ""},
	{"Madeleine Albright", "Madeleine Madlen Medlin", "Albright Olbrajt Olbrait", true, ""},
	{"Richard Holbrooke", "Richard Riçard", "Holbrooke Holbruk", true, ""},
	{"Dick Marty", "Dick Dik", "Marty Marti", false, ""},
	{"Philip Kosnett", "Philip Filip", "Kosnett", true, ""},
	{"Jeffrey Hovenier", "Jeffrey Xhefri", "Hovenier", true, ""},
	{"Olivér Várhelyi", "Olivér Oliver", "Várhelyi", true, ""},
	{"Javier Solana", "Javier Havier", "Solana", true, ""},
	{"Olaf Scholz", "Olaf", "Scholz Sholc Scholc Sholz", true, ""},
	{"Gerhard Schröder", "Gerhard", "Schröder Schroeder Shröder", false, ""},
	{"Helmut Kohl", "Helmut", "Kohl Kol", false, ""},
	{"Jacques Chirac", "Jacques Zhak", "Chirac Shirak", true, ""},
	{"Nicolas Sarkozy", "Nicolas Nikolas", "Sarkozy Sarkozi", true, ""},
	{"Silvio Berlusconi", "Silvio", "Berlusconi Berluskoni", true, ""},
	{"Giorgia Meloni", "Giorgia Xhorxha", "Meloni", true, ""},
	{"Bill Clinton", "Bill William Bil", "Clinton Klinton", false, ""},
	{"Hillary Clinton", "Hillary Hilari", "Clinton Klinton", false, ""},
}

// sqThingHeads are more Albanian heads of the names of things, media and
// bodies (Televizioni, Portali, Agjencia, Çmimi, Garda, Kompania),
// inflected, that capitalized make the capitalized words after them no
// person's name (round 17). In lowercase they name a person's post
// (drejtori i kompanisë Pascal Soriot) and are left alone.
var sqThingHeads = wordSet(`
televizioni televizionit televizionin portali portalit portalin agjencia agjencisë agjencinë
agjencise agjencine çmimi çmimit çmimin cmimi cmimit cmimin garda gardës gardën gardes garden
kompania kompanisë kompaninë kompanise kompanine revista revistës revistën revistes revisten
emisioni emisionit emisionin
`)
