package extract

// givenTrWritten are given names of Turkey's news written from knowledge in round
// 17: Turkish names of all generations (Abdurrahman, Neriman, Gülseli,
// Ekmeleddin, Şekip), Kurdish ones (Rojda, Berivan, Şiyar), Armenian names
// of Turkey (Hrant, Sarkis, Agop), and the Arabic and Persian names the
// Turkish press writes. Many were in tr_given.txt only, whose names count
// only when the surname comes back alone in the article (trGiven): a person
// named once, in full, was missed. Names that are common Turkish words (Umut,
// Savaş, Deniz, Temel, Kasım, Önder, Dursun, Servet) and monarchs' given
// names (Fahd, Salman: King Fahd is named by a title and a given name) are
// left out, and the build drops any
// that tr_common.txt or notGiven holds.
var givenTrWritten = `
Abdurrahman Abdurrahim Abdülkadir Abdulkadir Abdülhamit Abdülhamid Abdülkerim Abdulkerim Abdülmecit
Abdulmecit Abdullatif Abdüllatif Abdülbaki Abdulbaki Abdülvahap Abdulvahap Abdülgani Abdulgani
Abdulhalim Abdülhalim Abdülselam Abdusselam Abdussamet Abdulsamet Abdurrezzak Abdülmelik Abdulmelik
Abdulhakim Abdülhakim Abdulmuttalip Adem Adnan Afet Afife Ahmet Akif Akın Alaattin Alaaddin
Alparslan Alpaslan Altan Alptekin Alican Alihan Alişan Aliye Alpay Alper Alkan Altuğ Amine Anıl Asım
Atıf Atilla Attila Atakan Atalay Ataman Avni Aydın Aygün Ayhan Aykut Aynur Ayla Aylin Aysel Ayşegül
Ayşen Ayten Aytaç Aytekin Azize Azmi Bahadır Bahri Baki Bedia Bedii Bedri Behçet Behiye Behice
Behzat Bekir Belgin Belkıs Berkant Berkay Berna Betül Beyza Bilal Bilge Bilgehan Binnur Birol Burhan
Burhanettin Burçin Bülent Bünyamin Büşra Cafer Cahide Cahit Celal Celalettin Celaleddin Cemal
Cemalettin Cemile Cemil Cengiz Cevat Cevdet Ceyda Ceyhun Cihan Cihangir Coşkun Cüneyt Cüneyd Canan
Cansu Cansel Canset Çağatay Çağla Çağlar Çağrı Çetin Çiğdem Demet Demirhan Derviş Didem Dilara Dilek
Dilruba Doğukan Duygu Dündar Ebru Eda Edibe Ekmel Ekmeleddin Ekmelettin Ekrem Elvan Emin Emine Emrah
Emre Ender Engin Enis Enver Eray Ercüment Erdinç Ergün Erhan Erkan Erkut Ersin Erol Ersoy Ertan
Ertem Ertuğrul Esat Esin Esma Esra Eşref Ethem Evren Eyüp Ezel Fadime Fahrettin Fahri Faik Faruk
Fatih Fatma Fazıl Fehmi Ferda Feride Feridun Ferhat Ferhan Ferit Feyza Feyzullah Fikret Fikri Figen
Filiz Fuat Funda Furkan Füsun Gamze Gaye Gökay Gökçe Gökhan Gönül Gülay Gülben Gülcan Gülden Güler
Gülizar Gülnur Gülseli Gülsen Gülşen Gülsüm Gültekin Gülten Günay Güray Gürkan Gürsel Güzide Habib
Hacer Hafize Hakkı Halil Halim Halis Haluk Hamdi Hamit Hamide Hamza Handan Hande Hanife Harun Hasan
Hatice Hayati Hayrettin Hayri Hayriye Hazal Hikmet Hilal Hilmi Hülya Hüsamettin Hüseyin Hüsnü Hüsrev
Hulki Hurşit Ilgın Irfan İbrahim İdris İhsan İlhami İlhan İlker İlknur İlyas İmran İpek İrfan İsa
İshak İskender İsmail İsmet İzzet İzzettin Kadir Kamil Kamuran Kayhan Kazım Kemal Kenan Kerim Kevser
Kezban Kıvanç Koray Kubilay Kübra Kürşat Lale Latif Latife Levent Leyla Lütfi Lütfü Lütfiye Macit
Mahmut Mahir Mahmud Makbule Mazhar Mecit Mehmet Melahat Melih Melike Meltem Memduh Meral Merve Mesut
Metin Mevlüt Mithat Muammer Muharrem Muhittin Muhsin Mukadder Murat Musa Mustafa Muzaffer Müberra
Mübeccel Mücahit Münevver Münir Müslüm Müjgan Mümtaz Necdet Necip Necla Nedim Nedret Nejla Neriman
Nermin Nesrin Neslihan Neşe Nevzat Nezih Nezihe Nihal Nihan Nilgün Nilüfer Nuray Nurhan Nuri Nurten
Nusret Nükhet Oğuz Oğuzhan Okan Oktay Onur Orhan Osman Ozan Ömer Örsan Özcan Özden Özge Özgül Özkan
Özlem Öznur Pelin Perihan Pervin Pınar Ragıp Rahmi Rahim Ramazan Rasim Raşit Recai Recep Refik Reha
Remzi Resul Reşat Reşit Rıdvan Rıfat Rıza Rüştü Rukiye Rüya Sabahattin Sabri Sacit Sadettin Sadık
Sadi Sadri Saffet Sait Salih Samet Sami Saniye Sedat Sefa Selahattin Selçuk Selim Selma Semra Sena
Senem Serap Serdar Sermin Serpil Sertaç Sevda Sevgül Sevil Sevim Sevinç Seyfettin Seyfi Sezai Sezen
Sezer Sibel Sinan Sırrı Süheyla Süleyman Sümeyye Süreyya Sevket Şaban Şadi Şahika Şakir Şamil Şebnem
Şefik Şekip Şemsettin Şemsi Şenay Şener Şengül Şennur Şerafettin Şeref Şerife Şevket Şeyma Şükrü
Şükran Şule Tahir Tahsin Talat Taner Tamer Tanju Tarık Tayfun Tayyar Tekin Tevfik Tijen Tolga Tuncay
Tuncer Turan Turgay Turgut Tülay Tülin Tümay Türkan Uğur Ufuk Ulvi Ümit Ümmühan Ünal Üzeyir
Vahdettin Vahit Vecdi Vedat Vehbi Veli Vural Vahap Yahya Yakup Yalçın Yaşar Yavuz Yekta Yeşim Yiğit
Yücel Yüksel Yunus Yurdagül Yusuf Yasemin Zahide Zehra Zekai Zeki Zekeriya Zeliha Zerrin Zeynel
Zeynep Ziya Zübeyde Zülfü Zülfikar Zülküf Aras Arif Arzu Asuman Aşkın Ayfer Aysun Ayşenur Bahattin
Bedirhan Beril Berkan Bihter Burcu Cemre Ceren Dilan Dilşad Ebubekir Elçin Emel Emrullah Erdal Fadıl
Fatoş Fevzi Gülistan Gülsün Gürbüz Hakan Halit Haydar Hidayet Kâmil Lokman Mehtap Mesude Muhammet
Muhammed Nazım Necmi Nizamettin Nurettin Nureddin Orçun Rabia Reyhan Sabiha Safiye Selahaddin Semih
Seyit Sinem Suat Suzan Şeyhmus Tuğrul Ülkü Volkan Yıldıray Zuhal Alattin Bekirhan Fehim Mahsun Mehdi
Musab Nurullah Nusrettin Rüstem Safa Sebahattin Semiha Şehmus Vahdet Yakub Zekiye Zülal Agop Aram
Aret Arto Artin Bedros Garabet Hagop Hrant Kirkor Mıgırdiç Sarkis Vartan Vartkes Zakarya Raffi Rakel
Maryam Sirarpi Rojda Rojin Rojhat Rezan Rênas Serhat Şiyar Zelal Berivan Delal Diyar Hejar Helin
Jiyan Mizgin Sakine Şervan Welat Zozan Baran Berzan Dilovan Hevin Ciwan Azad Hozan Kawa Xebat Şoreş
Zinar Zilan Beritan Nûjiyan Hogir Rezzan Sherzad Mesud Nêçirvan Necirvan Masrour Mesrur Bafel Qubad
Abdelkader Abdelfattah Abdullahi Ahmad Ahmed Amr Anwar Ayman Bandar Fawaz Hamid Hosni Ibrahim Ismail
Jamal Khaled Khalid Marwan Mohammad Muammar Nabih Nasser Nouri Omar Osama Qasim Rafik Riad Riyad
Saad Saeed Salim Tarek Yasser Youssef Haider Hayder Moqtada Muqtada Nechirvan Masoud Hassan Hussein
Mahmoud Fuad Fouad Lakhdar Moncef Rached Kais Beji Abdelmadjid Ebrahim Javad Mohsen Mojtaba Alireza
Hossein Abbas Qassem Ghassem Manouchehr Esfandiyar İsfendiyar Isfandiyar Kianoush Shirin Farah
Fereydoun Kazem Nursultan Kassym Dinmukhamed Askar Almazbek Sooronbay Kurmanbek Emomali Shavkat
Gurbanguly Ilham Heydar
Sercan Ercan Gökhan Erhan Cihan Cihat Cenk Emrah Eren Olcay Oytun Oktay Özer Sarp Serhan Sertaç Tarkan
Taylan Tuğrul Tunç Tuncay Utku Uğurcan Umutcan Yağız Yalın Yarkın Batuhan Berkay Berkin Bartu Egemen
Emircan Erdi Görkem Gürkan İlkay Kağan Kutay Metehan Oğulcan Ömercan Onurcan Tolgahan Ulaş Alperen
Atahan Ayberk Aybars Baturay Cankat Çağan Efe Erkin Gökberk Mirza Orkun Sezgin Toygar Tugay
Seray Seren Sinem Seda Sedef Selin Sevcan Aslı Aslıhan Ayça Aysu Berfu Berrak Beste Burçak Buse Ece
Ela Gözde Gülşah İdil Melis Melisa Müge Nazlı Nilay Simge Gülçin Işıl Jale Leman Rana Hüda Hümeyra
Sümeyra Havva Felat Besime Gültan Gülser Berdan Hasip Hatip
Bestami Saffet Saffettin Nimetullah Hayrullah Nasrullah Lütfullah Ataullah Hamdullah Seyfullah
Ubeydullah Zeynelabidin Muhyettin Bahaddin Nizamettin Alaeddin Necmeddin Şemseddin Kutbettin Tacettin
Fahrettin Sadrettin Ziyaeddin Kemalettin Münip Asaf Sabit Vasfi Rauf Raif Nafiz Nail Naci Nejat Niyazi
Raci Talip Zühtü Yasin
`
