package extract

// givenSq17 are Albanian given names written from knowledge of the language
// in round 17: male and female, of Albania, Kosovo, North Macedonia and
// Montenegro, Muslim, Catholic and Orthodox, Illyrian-style and modern ones;
// Albanian spellings of foreign given names (Xhozef, Fransua, Zhak, Nebojsha,
// Vlladimir), and a few Arabic transliterations. Names that are common
// Albanian words (Drita, Shpresa, Mendim, Kujtime) or places (Vlora,
// Shkumbin) are left out, and so are the ones the other lists hold.
var givenSq17 = `
Abas Abdi Abdurrahman Abdurrahim Agon Agush Ajdin Akil Alket Amarildo Andon Ardi Aristidh
Artian Artion Arton Asllan Atrit Avdyl Bajrush Besfort Bleart Blendi Bledar Blerton Bratisllav
Branisllav Çerçiz Dalip Demush Dervish Dibran Ditmir Dorant Drin Edmir Edon Eduart Ejup Elidon
Eltion Eni Endri Erald Erblin Erind Erlind Ersen Ervis Eset Etem Fahredin Fatjon Feti Fiqiri
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
