package analyzers

import "strings"

// sqIrregular maps the folded forms of Albanian irregular verbs to their
// folded lemma, which serves as their stem. Their tenses are built on different, often suppletive,
// stems (jap: jep-, dha-, dhën-; vij: erdh-, ardh-; jam: ish-, qe-, qof-),
// which no suffix rule can join; the common verbs of news text are among
// them (kam, jam, them, jap, bëj, marr, dal, vij, shoh).
//
// The paradigms below follow the standard grammar (present, imperfect,
// aorist, participle, optative, admirative, subjunctive, imperative and
// mediopassive). Forms that are also frequent words of another lemma are
// left out on purpose, because joining them would merge unrelated words in
// search: parë (first), jetë (life), dita/ditë (day), dija/dije
// (knowledge), pija/pije (drink), re (new), dashur (dear), thatë (dry),
// qeshë (folded: qeshe of qesh), bija/bije (daughter), kisha/kishe
// (church), pika (point), ditët (the days), vësh and lësh (vesh, ear; lesh,
// wool, once folded); laj (wash) is left out whole, because lajmë folds to
// lajme (news). Forms equal to a stop word
// (ka, ke, je, do, dhe, pa, qe) never reach the stemmer.
var sqIrregular = buildSqIrregular()

// sqIrregularVerbs lists lemma, optional prefixes the whole paradigm also
// takes (tërheq, udhëheq; kundërthem), and the forms. A token a{b,c} stands
// for ab ac. The first verb to list a form keeps it: once folded, ngrënë
// (eaten, ha) is ngrenë (they lift, ngre), and thamë/thanë are forms of
// both them (say) and thaj (dry); the more frequent verb is listed first.
var sqIrregularVerbs = []struct{ lemma, prefixes, forms string }{
	{"kam", "", `kam ka ke kemi keni kanë kish{te,im,it,in} pat{a,e,i,ëm,ët,ën} pasur patur
		paç{a,im,i,it,in} paç pastë pask{ADM} kem kesh ketë ki kini`},
	{"jam", "", `jam jemi jeni janë është ish{a,e,te,im,it,in} qemë qetë qenë
		qenk{ADM} qof{OPT} jem jesh ji jini`},
	{"them", "kundër", `them thua thotë themi thoni thonë thosh{a,e,te,im,it,in}
		thashë tha thamë thanë thënë thën{OPTC} thënk{ADM} thuash thuaj thuani
		thu{hem,hesh,het,hemi,heni,hen,hej,hesha,heshin}`},
	{"jap", "", `jap jep japim jepni japin jep{ja,je,te,nim,nit,nin} dhashë dha dhamë dhatë dhanë dhënë
		dhën{OPTC} dhënk{ADM} japësh japë jep{em,esh,et,emi,eni,en,ej,esha,eshin}`},
	{"vij", "", `vij vjen vijmë vini vijnë vinte vin{im,it,in} erdh{a,e,i,ëm,ët,ën} ardhur
		ardh{OPT} ardhk{ADM} vish eja ejani`},
	{"shoh", "", `shoh sheh shohim shihni shohin shih{ja,je,te,nim,nit,nin} pashë pe pamë panë
		paf{OPT} pak{am,an,emi,eni,ësha,ëshe,ëshim,ëshin,ëshit} shohësh shohë shih
		shih{em,esh,et,emi,eni,en,ej}`},
	{"bëj", "", `bëj bën bëjmë bëni bëjnë bëja bëje bënte bën{im,it,in} bër{a,e,i} bëmë bëtë bënë bërë
		bëf{OPT} bëk{ADM} bësh bëjë bë{hem,hesh,het,hemi,heni,hen,hej,hesha,heshe,heshim,heshit,heshin,hu}`},
	{"lë", "", `lë lëmë lini lënë lija lije linte lin{im,it,in} lashë la lamë latë lanë
		lën{OPTC} lënk{ADM} lër lërë li{hem,hesh,het,hen,hej}`},
	{"vë", "", `vë vëmë vënë vur{a,e,i} vumë vutë vunë vën{OPTC} vënk{ADM} vër vi{hem,hesh,het,hen,hej}`},
	{"ha", "", `ha hamë hani hanë haja haje hante han{im,it,in} hëngr{a,e,i,ëm,ët,ën} ngrënë
		ngrën{OPTC} ngrënk{ADM} hash hajë ha{het,hen,hej}`},
	{"dal", "", `dal del dalim dilni dalin dil{ja,je,te,nim,nit,nin} dol{a,e,i,ëm,ët,ën} dalë
		dal{OPT} dalk{ADM} dalësh dil`},
	{"marr", "", `marr merr marrim merrni marrin merr{ja,je,te,nim,nit,nin} mor{a,e,i,ëm,ët,ën} marrë
		marr{OPT} marrk{ADM} marrësh merr{em,esh,et,emi,eni,en,ej,esha,eshin}`},
	{"dua", "", `dua duam doni duan doja doje donte don{im,it,in} desh{a,e,i,ëm,ët,ën} dashtë
		dashk{ADM} duash dojë`},
	{"di", "", `di dimë dini dinë dinte din{im,it,in} diti ditëm dish dijë dihet dihej ditk{ADM}`},
	{"rri", "", `rri rrimë rrini rrinë rrija rrije rrinte rrin{im,it,in} ndenj{a,e,i,ëm,ët,ën} ndenjur
		ndenj{OPT} ndenj{OPTC} ndenjk{ADM} rrish rrijë`},
	{"bie", "", `bie biem bini bien binte bin{im,it,in} rashë ra ramë ratë ranë rënë
		rën{OPTC} rënk{ADM} bjer`},
	{"pi", "", `pi pimë pini pinë pinte pin{im,it,in} piva pive piu pitë pirë pif{OPT} pish pijë pi{het,hen,hej}`},
	{"flas", "", `flas flet flasim flisni flasin flis{ja,je,nim,nit,nin} fliste fol{a,e,i,ëm,ët,ën}
		folur fol{OPT} folk{ADM} flasësh flasë folni fli{tet,ten,tej}`},
	{"shes", "", `shes shet shesim shitni shesin shis{ja,je,nim,nit,nin} shiste shit{a,e,i,ëm,ët,ën}
		shitur shit{OPT} shitk{ADM} shesësh shesë shi{tet,ten,tej}`},
	{"vdes", "", `vdes vdesim vdisni vdesin vdis{ja,je,nim,nit,nin} vdiste vdiq{a,e,ëm,ët,ën} vdiq
		vdekur vdek{OPTC} vdekk{ADM} vdesë vdesësh`},
	{"pres", "", `pres pret presim prisni presin pris{ja,je,nim,nit,nin} priste prit{a,e,i,ëm,ët,ën}
		pritur prit{OPT} pritk{ADM} presësh presë pri{tem,tesh,tet,ten,tej}`},
	{"hyj", "", `hyj hyn hyjmë hyni hyjnë hyja hyje hynte hyn{im,it,in} hyr{a,e,i} hymë hytë hynë hyrë
		hyf{OPT} hyk{ADM} hysh hyjë`},
	{"iki", "", `iki ikën ikim ikni ikin ikja ikje ikte ik{a,e,u,ëm,ët} ikur ik{OPT} ikk{ADM} ikësh ikë ik`},
	{"heq", "tër udhë", `heq heqim hiqni heqin hiq{ja,je,te,nim,nit,nin} hoq{a,e,i,ëm,ët,ën} hequr
		heq{OPT} heqk{ADM} heqësh heqë hiq hi{qem,qesh,qet,qen,qej}`},
	{"ngre", "", `ngre ngremë ngrini ngrenë ngrija ngrinte ngrin{im,it,in} ngrit{a,e,i,ëm,ët,ën} ngritur
		ngrit{OPT} ngritk{ADM} ngresh ngrejë ngri{hem,hesh,het,hen,hej}`},
	{"sjell", "", `sjell sjellim sillni sjellin sill{ja,je,te,nim,nit,nin} soll{a,e,i,ëm,ët,ën} sjellë
		sjell{OPT} sjellk{ADM} sjellësh sill si{llem,llet,llen,llej}`},
	{"nxjerr", "", `nxjerr nxjerrim nxirrni nxjerrin nxirr{ja,je,te,nim,nit,nin} nxor{a,e,i,ëm,ët,ën}
		nxjerrë nxjerr{OPT} nxjerrk{ADM} nxjerrësh nxirr nxi{rrem,rret,rren,rrej}`},
	{"zë", "", `zë zëmë zini zënë zija zinte zin{im,it,in} zur{a,e,i} zumë zutë zunë zën{OPTC}
		zënk{ADM} zër zësh zi{het,hen,hej}`},
	{"mbaj", "", `mbaj mban mbajmë mbani mbajnë mbaja mbaje mbante mban{im,it,in} mbajt{a,e,i,ëm,ët,ën}
		mbajtur mbajt{OPT} mbajtk{ADM} mbash mbajë mba{hem,hesh,het,hen,hej}`},
	{"mas", "", `mas mat masim matni masin mat{ja,je,te,nim,nit,nin} mat{a,e,i,ëm,ët,ën} matur
		mat{OPT} matk{ADM} masësh masë ma{tem,tet,ten,tej}`},
	// Verbs in -aj with a two-letter stem, which the suffix rules (3-letter
	// minimum stem) cannot reach; their aorist is in -va/-u, participle -rë.
	{"qaj", "", ajVerb("qa")},
	{"thaj", "", ajVerb("tha")},
	{"ndaj", "", ajVerb("nda")},
}

// sqParadigmSets are the ending sets the table shares: optative (-fsha after
// a vowel, -sha after a consonant, -ça after n), admirative (-kam ... -kësha).
var sqParadigmSets = strings.NewReplacer(
	"{OPT}", "{sha,sh,të,shim,shi,shit,shin}",
	"{OPTC}", "{ça,ç,të,çim,çi,çit,çin}",
	"{ADM}", "{am,e,a,emi,eni,an,ësha,ëshe,ësh,ëshim,ëshit,ëshin}",
)

// ajVerb writes the paradigm of an -aj verb from its stem (qa → qaj, qan,
// qava, qau, qarë ...).
func ajVerb(s string) string {
	return strings.NewReplacer("S", s).Replace(`Sj Sn Sjmë Sni Sjnë Sja Sje Snte Sn{im,it,in} Sv{a,e} Su Smë Stë Snë Srë
		Sf{sha,sh,të,shim,shi,shit,shin} Sk{ADM} Sjë S{hem,hesh,het,hen,hej}`)
}

// expandSq expands one a{b,c}d token into abd acd.
func expandSq(tok string) []string {
	i := strings.IndexByte(tok, '{')
	if i < 0 {
		return []string{tok}
	}
	j := strings.IndexByte(tok[i:], '}') + i
	var out []string
	for _, alt := range strings.Split(tok[i+1:j], ",") {
		out = append(out, expandSq(tok[:i]+alt+tok[j+1:])...)
	}
	return out
}

func buildSqIrregular() map[string]string {
	m := map[string]string{}
	for _, v := range sqIrregularVerbs {
		lemma := foldSqString(v.lemma)
		for _, pre := range append([]string{""}, strings.Fields(v.prefixes)...) {
			pre = foldSqString(pre)
			for _, tok := range strings.Fields(sqParadigmSets.Replace(v.forms)) {
				for _, f := range expandSq(tok) {
					f = pre + foldSqString(f)
					if _, ok := m[f]; !ok {
						m[f] = pre + lemma
					}
				}
			}
		}
	}
	return m
}

func foldSqString(s string) string { return string(foldBytes([]byte(s))) }

// sqIrregularInitials maps an Albanian stem to the first letters of the
// irregular forms that stem to it although they start with another letter
// (dha, dhanë → jap; erdhi → vij; qenë → jam). Snippet marking passes over
// words whose first letter no query term has, and must know these.
var sqIrregularInitials = func() map[string]string {
	m := map[string]string{}
	for form := range sqIrregular {
		stem := stemSq(form)
		if stem == "" || form == "" || form[0] == stem[0] {
			continue
		}
		if !strings.Contains(m[stem], form[:1]) {
			m[stem] += form[:1]
		}
	}
	return m
}()

// StemInitials returns the first letters of the words lang's analyzer stems
// to stem although they begin with another letter, folded as Fold folds
// them; "" for almost every stem (only Albanian irregular verbs have any).
func StemInitials(lang, stem string) string {
	if lang == "sq" {
		return sqIrregularInitials[stem]
	}
	return ""
}
