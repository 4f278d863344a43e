package architect

import "strings"

// foreignFieldTable lists field words in other languages for the English
// concepts the lexicon types. Lines: concept|lang:word,word|lang:word…
const foreignFieldTable = `
title|de:titel,überschrift|fr:titre|es:título,titulo|pt:título,titulo|it:titolo|nl:titel|zh:标题,题目,书名|ja:タイトル,題名,件名
name|de:name,bezeichnung|fr:nom|es:nombre|pt:nome|it:nome|nl:naam|zh:名称,名字,姓名|ja:名前,氏名,名称
description|de:beschreibung|fr:description|es:descripción,descripcion|pt:descrição,descricao|it:descrizione|nl:beschrijving,omschrijving|zh:描述,说明,简介|ja:説明,概要
notes|de:notiz,notizen,anmerkung,anmerkungen,bemerkung|fr:remarque,remarques,notes|es:nota,notas,observaciones|pt:nota,notas,observação,observações|it:note|nl:notitie,notities|zh:备注|ja:メモ,備考
due date|de:fälligkeitsdatum,fälligkeit,frist,deadline|fr:date d'échéance,échéance,date limite|es:fecha de vencimiento,fecha límite,fecha limite,vencimiento|pt:data de vencimento,prazo,data limite|it:scadenza|nl:vervaldatum,deadline|zh:截止日期,到期日,截止时间|ja:期限,締め切り,締切,期日
date|de:datum|fr:date|es:fecha|pt:data|it:data|nl:datum|zh:日期|ja:日付
time|de:uhrzeit,zeit|fr:heure|es:hora|pt:hora,horário|it:ora,orario|nl:tijd|zh:时间|ja:時間,時刻
priority|de:priorität|fr:priorité|es:prioridad|pt:prioridade|it:priorità|nl:prioriteit|zh:优先级|ja:優先度,優先順位
status|de:status,zustand|fr:statut,état|es:estado|pt:status,estado,situação|it:stato|nl:status|zh:状态|ja:ステータス,状態
done|de:erledigt,fertig|fr:terminé,terminée,fait|es:completado,completada,hecho,hecha|pt:concluído,concluída,feito|it:completato|nl:klaar,gedaan|zh:已完成,完成|ja:完了,済み
price|de:preis|fr:prix|es:precio|pt:preço,preco|it:prezzo|nl:prijs|zh:价格,价钱,售价|ja:価格,値段,料金
amount|de:betrag,summe|fr:montant|es:monto,importe|pt:valor,montante,quantia|it:importo|nl:bedrag|zh:金额|ja:金額
quantity|de:menge,anzahl,bestand,lagerbestand|fr:quantité,stock|es:cantidad,existencias,stock|pt:quantidade,estoque,stock|it:quantità,scorte|nl:aantal,hoeveelheid,voorraad|zh:数量,库存|ja:数量,在庫
category|de:kategorie|fr:catégorie|es:categoría,categoria|pt:categoria|it:categoria|nl:categorie|zh:类别,分类,类型|ja:カテゴリ,カテゴリー,分類,種類
email|de:e-mail,email|fr:e-mail,email,courriel|es:correo,email|pt:e-mail,email|it:email|nl:e-mail|zh:邮箱,电子邮件,邮件|ja:メールアドレス,メール
phone|de:telefon,telefonnummer|fr:téléphone|es:teléfono,telefono|pt:telefone|it:telefono|nl:telefoon|zh:电话号码,电话,手机|ja:電話番号,電話
address|de:adresse|fr:adresse|es:dirección|pt:endereço|it:indirizzo|nl:adres|zh:地址|ja:住所
city|de:stadt|fr:ville|es:ciudad|pt:cidade|it:città|nl:stad|zh:城市|ja:都市
author|de:autor|fr:auteur|es:autor|pt:autor|it:autore|nl:auteur|zh:作者|ja:著者,作者
rating|de:bewertung,sterne|fr:évaluation,note sur 5,étoiles|es:valoración,valoracion,calificación,estrellas|pt:avaliação,estrelas|it:valutazione,voto,stelle|nl:beoordeling,sterren|zh:评分,评价|ja:評価
image|de:bild,foto|fr:image,photo|es:imagen,foto|pt:imagem,foto|it:immagine,foto|nl:afbeelding,foto|zh:图片,照片,封面|ja:画像,写真
url|de:link|fr:lien|es:enlace|pt:link|it:link|nl:link|zh:链接,网址|ja:リンク
tags|de:schlagwörter,tags|fr:étiquettes,tags|es:etiquetas|pt:etiquetas,tags|it:tag|nl:tags|zh:标签|ja:タグ
content|de:inhalt,text|fr:contenu,texte|es:contenido,texto|pt:conteúdo,texto|it:contenuto|nl:inhoud|zh:内容,正文|ja:内容,本文
duration|de:dauer|fr:durée|es:duración|pt:duração|it:durata|nl:duur|zh:时长,持续时间|ja:所要時間
company|de:firma,unternehmen|fr:entreprise,société|es:empresa|pt:empresa|it:azienda|nl:bedrijf|zh:公司|ja:会社
location|de:ort|fr:lieu|es:lugar,ubicación|pt:local|it:luogo|nl:locatie|zh:地点,位置|ja:場所
capacity|de:kapazität,plätze|fr:capacité,places|es:capacidad,plazas|pt:capacidade,vagas|it:capienza|nl:capaciteit|zh:容量,名额|ja:定員
ingredients|de:zutaten|fr:ingrédients|es:ingredientes|pt:ingredientes|it:ingredienti|nl:ingrediënten|zh:配料,食材,原料|ja:材料
instructions|de:anleitung,zubereitung|fr:instructions,préparation|es:instrucciones,preparación|pt:instruções,modo de preparo|it:istruzioni|nl:instructies|zh:步骤,做法|ja:手順,作り方
cooking time|de:kochzeit,zubereitungszeit|fr:temps de cuisson|es:tiempo de cocción|pt:tempo de preparo|it:tempo di cottura|nl:kooktijd|zh:烹饪时间|ja:調理時間
salary|de:gehalt|fr:salaire|es:salario,sueldo|pt:salário|it:stipendio|nl:salaris|zh:薪资,工资|ja:給料,給与
year|de:jahr,erscheinungsjahr|fr:année|es:año|pt:ano|it:anno|nl:jaar|zh:年份|ja:年
score|de:punktzahl,punkte|fr:score,points|es:puntuación,puntaje|pt:pontuação|it:punteggio|nl:score|zh:分数,成绩|ja:点数,スコア
pages|de:seiten|fr:pages|es:páginas|pt:páginas|it:pagine|nl:pagina's|zh:页数|ja:ページ数
weekly target|de:wochenziel|fr:objectif hebdomadaire|es:objetivo semanal|pt:meta semanal|it:obiettivo settimanale|nl:weekdoel|zh:每周目标|ja:週間目標
available|de:verfügbar|fr:disponible|es:disponible|pt:disponível|it:disponibile|nl:beschikbaar|zh:可用,有货|ja:在庫あり,利用可能
guests|de:gäste,personenzahl|fr:personnes,invités|es:personas,invitados|pt:pessoas,convidados|it:ospiti|nl:gasten|zh:人数|ja:人数
isbn|de:isbn|fr:isbn|es:isbn|pt:isbn|it:isbn|nl:isbn|zh:isbn|ja:isbn
`

// foreignEntityTable lists record nouns: concept|lang:singular/plural,…
const foreignEntityTable = `
task|de:aufgabe/aufgaben|fr:tâche/tâches|es:tarea/tareas|pt:tarefa/tarefas|it:compito/compiti|nl:taak/taken|zh:任务,待办/待办事项|ja:タスク,やること
book|de:buch/bücher|fr:livre/livres|es:libro/libros|pt:livro/livros|it:libro/libri|nl:boek/boeken|zh:书籍,图书,书|ja:本,書籍
recipe|de:rezept/rezepte|fr:recette/recettes|es:receta/recetas|pt:receita/receitas|it:ricetta/ricette|nl:recept/recepten|zh:食谱,菜谱|ja:レシピ
expense|de:ausgabe/ausgaben|fr:dépense/dépenses|es:gasto/gastos|pt:despesa/despesas|it:spesa/spese|nl:uitgave/uitgaven|zh:支出,开销|ja:支出,経費
contact|de:kontakt/kontakte|fr:contact/contacts|es:contacto/contactos|pt:contato/contatos|it:contatto/contatti|nl:contact/contacten|zh:联系人|ja:連絡先
customer|de:kunde/kunden|fr:client/clients|es:cliente/clientes|pt:cliente/clientes|it:cliente/clienti|nl:klant/klanten|zh:客户|ja:顧客
product|de:produkt/produkte|fr:produit/produits|es:producto/productos|pt:produto/produtos|it:prodotto/prodotti|nl:product/producten|zh:产品,商品|ja:商品,製品
order|de:bestellung/bestellungen|fr:commande/commandes|es:pedido/pedidos|pt:pedido/pedidos|it:ordine/ordini|nl:bestelling/bestellingen|zh:订单|ja:注文
note|de:notiz/notizen|fr:note/notes|es:nota/notas|pt:nota/notas|it:nota/note|nl:notitie/notities|zh:笔记|ja:ノート,メモ
event|de:veranstaltung/veranstaltungen|fr:événement/événements|es:evento/eventos|pt:evento/eventos|it:evento/eventi|nl:evenement/evenementen|zh:活动|ja:イベント
appointment|de:termin/termine|fr:rendez-vous/rendez-vous|es:cita/citas|pt:agendamento/agendamentos,consulta/consultas|it:appuntamento/appuntamenti|nl:afspraak/afspraken|zh:预约|ja:予約
student|de:schüler/schüler,student/studenten|fr:élève/élèves,étudiant/étudiants|es:estudiante/estudiantes,alumno/alumnos|pt:aluno/alunos,estudante/estudantes|it:studente/studenti|nl:student/studenten|zh:学生|ja:学生,生徒
employee|de:mitarbeiter/mitarbeiter|fr:employé/employés|es:empleado/empleados|pt:funcionário/funcionários|it:dipendente/dipendenti|nl:medewerker/medewerkers|zh:员工|ja:社員,従業員
project|de:projekt/projekte|fr:projet/projets|es:proyecto/proyectos|pt:projeto/projetos|it:progetto/progetti|nl:project/projecten|zh:项目|ja:プロジェクト
post|de:beitrag/beiträge|fr:article/articles|es:publicación/publicaciones|pt:postagem/postagens|it:articolo/articoli|nl:bericht/berichten|zh:帖子,文章|ja:投稿,記事
comment|de:kommentar/kommentare|fr:commentaire/commentaires|es:comentario/comentarios|pt:comentário/comentários|it:commento/commenti|nl:reactie/reacties|zh:评论|ja:コメント
plant|de:pflanze/pflanzen|fr:plante/plantes|es:planta/plantas|pt:planta/plantas|it:pianta/piante|nl:plant/planten|zh:植物|ja:植物
habit|de:gewohnheit/gewohnheiten|fr:habitude/habitudes|es:hábito/hábitos|pt:hábito/hábitos|it:abitudine/abitudini|nl:gewoonte/gewoonten|zh:习惯|ja:習慣
member|de:mitglied/mitglieder|fr:membre/membres|es:miembro/miembros,socio/socios|pt:membro/membros,sócio/sócios|it:membro/membri|nl:lid/leden|zh:会员,成员|ja:会員,メンバー
movie|de:film/filme|fr:film/films|es:película/películas|pt:filme/filmes|it:film/film|nl:film/films|zh:电影|ja:映画
reservation|de:reservierung/reservierungen|fr:réservation/réservations|es:reserva/reservas|pt:reserva/reservas|it:prenotazione/prenotazioni|nl:reservering/reserveringen|zh:预订|ja:予約
dish|de:gericht/gerichte|fr:plat/plats|es:plato/platos|pt:prato/pratos|it:piatto/piatti|nl:gerecht/gerechten|zh:菜品|ja:料理
invoice|de:rechnung/rechnungen|fr:facture/factures|es:factura/facturas|pt:fatura/faturas|it:fattura/fatture|nl:factuur/facturen|zh:发票|ja:請求書
workout|de:training/trainings|fr:entraînement/entraînements|es:entrenamiento/entrenamientos|pt:treino/treinos|it:allenamento/allenamenti|nl:training/trainingen|zh:训练,锻炼|ja:トレーニング
course|de:kurs/kurse|fr:cours/cours|es:curso/cursos|pt:curso/cursos|it:corso/corsi|nl:cursus/cursussen|zh:课程|ja:コース,講座
question|de:frage/fragen|fr:question/questions|es:pregunta/preguntas|pt:pergunta/perguntas|it:domanda/domande|nl:vraag/vragen|zh:问题|ja:質問,問題
property|de:immobilie/immobilien,wohnung/wohnungen|fr:logement/logements|es:propiedad/propiedades,inmueble/inmuebles|pt:imóvel/imóveis|it:immobile/immobili|nl:woning/woningen|zh:房源,房产|ja:物件
job|de:stelle/stellen|fr:offre/offres,emploi/emplois|es:empleo/empleos,trabajo/trabajos|pt:vaga/vagas,emprego/empregos|it:lavoro/lavori|nl:vacature/vacatures|zh:职位,岗位|ja:求人
author|de:autor/autoren,autorin/autorinnen|fr:auteur/auteurs|es:autor/autores|pt:autor/autores|it:autore/autori|nl:auteur/auteurs
restaurant|de:restaurant/restaurants|fr:restaurant/restaurants|es:restaurante/restaurantes|pt:restaurante/restaurantes|it:ristorante/ristoranti|nl:restaurant/restaurants
wine|de:wein/weine|fr:vin/vins|es:vino/vinos|pt:vinho/vinhos|it:vino/vini|nl:wijn/wijnen
album|de:album/alben|fr:album/albums|es:álbum/álbumes|pt:álbum/álbuns|it:album/album|nl:album/albums
game|de:spiel/spiele|fr:jeu/jeux|es:juego/juegos|pt:jogo/jogos|it:gioco/giochi|nl:spel/spellen
series|de:serie/serien|fr:série/séries|es:serie/series|pt:série/séries|it:serie/serie|nl:serie/series
hotel|de:hotel/hotels|fr:hôtel/hôtels|es:hotel/hoteles|pt:hotel/hotéis|it:albergo/alberghi|nl:hotel/hotels
donation|de:spende/spenden|fr:don/dons|es:donación/donaciones|pt:doação/doações|it:donazione/donazioni|nl:donatie/donaties|zh:捐款,捐赠|ja:寄付
ticket|de:ticket/tickets|fr:ticket/tickets|es:ticket/tickets|pt:chamado/chamados|it:ticket/ticket|nl:ticket/tickets|zh:工单|ja:チケット
`

type foreignNoun struct{ sg, pl, concept string }

// i18n holds the parsed tables: per language, word -> concept, and record
// nouns by singular and plural. Built once, read only.
type i18nTables struct {
	fields   map[string]map[string]string
	nouns    map[string]map[string]foreignNoun
	fieldsEN map[string]map[string]string // concept -> first word, per language
	singular map[string]map[string]string // plural -> singular
	plural   map[string]map[string]string // singular -> plural
}

var tables = buildTables()

func buildTables() i18nTables {
	t := i18nTables{fields: map[string]map[string]string{}, nouns: map[string]map[string]foreignNoun{}, fieldsEN: map[string]map[string]string{}, singular: map[string]map[string]string{}, plural: map[string]map[string]string{}}
	for _, line := range strings.Split(strings.TrimSpace(foreignFieldTable), "\n") {
		parts := strings.Split(line, "|")
		for _, p := range parts[1:] {
			lang, list, _ := strings.Cut(p, ":")
			if t.fields[lang] == nil {
				t.fields[lang] = map[string]string{}
				t.fieldsEN[lang] = map[string]string{}
			}
			for i, w := range strings.Split(list, ",") {
				t.fields[lang][w] = parts[0]
				if i == 0 {
					t.fieldsEN[lang][parts[0]] = w
				}
			}
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(foreignEntityTable), "\n") {
		parts := strings.Split(line, "|")
		for _, p := range parts[1:] {
			lang, list, _ := strings.Cut(p, ":")
			if t.nouns[lang] == nil {
				t.nouns[lang] = map[string]foreignNoun{}
				t.singular[lang] = map[string]string{}
				t.plural[lang] = map[string]string{}
			}
			for _, pair := range strings.Split(list, ",") {
				sg, pl, ok := strings.Cut(pair, "/")
				if !ok {
					pl = sg
				}
				n := foreignNoun{sg: sg, pl: pl, concept: parts[0]}
				if _, seen := t.singular[lang][pl]; !seen {
					t.singular[lang][pl] = sg
				}
				if _, seen := t.plural[lang][sg]; !seen {
					t.plural[lang][sg] = pl
				}
				if _, seen := t.nouns[lang][sg]; !seen {
					t.nouns[lang][sg] = n
				}
				if _, seen := t.nouns[lang][pl]; !seen {
					t.nouns[lang][pl] = n
				}
			}
		}
	}
	return t
}

// foreignSingular and foreignPlural give known inflections per language.
var foreignSingular, foreignPlural = tables.singular, tables.plural

// functionWords map the grammar words of other languages to the English
// words the sentence patterns read, so "Aufgaben mit Titel und Priorität"
// reads like "tasks with title and priority".
var functionWords = map[string]map[string]string{
	"de": {"mit": "with", "und": "and", "oder": "or", "jede": "each", "jeder": "each", "jedes": "each", "jeden": "each", "hat": "has", "haben": "have", "enthält": "has", "enthalten": "have", "der": "the", "die": "the", "das": "the", "den": "the", "dem": "the", "des": "the", "ein": "a", "eine": "a", "einen": "a", "einem": "a", "einer": "a", "eines": "a", "ihr": "their", "ihre": "their", "ihren": "their", "sein": "their", "seine": "their", "mein": "my", "meine": "my", "ich": "i", "wir": "we", "bis": "to", "von": "from", "ja": "yes", "nein": "no", "für": "for", "kann": "can", "können": "can", "soll": "should", "sollen": "should", "sowie": "and", "pro": "per", "je": "per", "zu": "to", "nach": "by", "in": "in"},
	"fr": {"avec": "with", "et": "and", "ou": "or", "chaque": "each", "a": "has", "ont": "have", "contient": "has", "comporte": "has", "le": "the", "la": "the", "les": "the", "l'": "the", "un": "a", "une": "a", "des": "a", "du": "the", "son": "their", "sa": "their", "ses": "their", "leur": "their", "leurs": "their", "mon": "my", "ma": "my", "mes": "my", "je": "i", "nous": "we", "à": "to", "oui": "yes", "non": "no", "pour": "for", "peut": "can", "peuvent": "can", "doit": "should", "par": "by", "de": "of", "en": "in"},
	"es": {"con": "with", "y": "and", "e": "and", "o": "or", "u": "or", "cada": "each", "tiene": "has", "tienen": "have", "contiene": "has", "incluye": "has", "el": "the", "la": "the", "los": "the", "las": "the", "un": "a", "una": "a", "unos": "a", "unas": "a", "del": "the", "al": "the", "su": "their", "sus": "their", "mi": "my", "mis": "my", "yo": "i", "sí": "yes", "si": "yes", "no": "no", "para": "for", "puede": "can", "pueden": "can", "debe": "should", "por": "by", "de": "of", "en": "in"},
	"pt": {"com": "with", "e": "and", "ou": "or", "cada": "each", "tem": "has", "têm": "have", "possui": "has", "contém": "has", "inclui": "has", "o": "the", "a": "the", "os": "the", "as": "the", "um": "a", "uma": "a", "uns": "a", "umas": "a", "do": "the", "da": "the", "dos": "the", "das": "the", "seu": "their", "sua": "their", "seus": "their", "suas": "their", "meu": "my", "minha": "my", "meus": "my", "minhas": "my", "eu": "i", "sim": "yes", "não": "no", "para": "for", "pode": "can", "podem": "can", "deve": "should", "por": "by", "de": "of", "em": "in"},
	"it": {"con": "with", "e": "and", "o": "or", "ogni": "each", "ha": "has", "hanno": "have", "il": "the", "lo": "the", "la": "the", "i": "the", "gli": "the", "le": "the", "un": "a", "una": "a", "uno": "a", "suo": "their", "sua": "their", "mio": "my", "mia": "my", "io": "i", "sì": "yes", "no": "no", "per": "for", "può": "can", "di": "of"},
	"nl": {"met": "with", "en": "and", "of": "or", "elke": "each", "elk": "each", "heeft": "has", "hebben": "have", "de": "the", "het": "the", "een": "a", "zijn": "their", "haar": "their", "mijn": "my", "ik": "i", "ja": "yes", "nee": "no", "voor": "for", "kan": "can", "per": "per"},
}

// foreignUnits map unit words of other languages to units.
var foreignUnits = map[string]string{
	"tage": "days", "tagen": "days", "jours": "days", "días": "days", "dias": "days", "giorni": "days", "dagen": "days", "天": "days", "日": "days",
	"minuten": "minutes", "minutos": "minutes", "minuti": "minutes", "分钟": "minutes", "分": "minutes",
	"stunden": "hours", "heures": "hours", "horas": "hours", "ore": "hours", "小时": "hours", "時間": "hours",
	"wochen": "weeks", "semaines": "weeks", "semanas": "weeks", "周": "weeks", "週": "weeks",
}

// localTitles are page titles and texts in the user's language.
var localTitles = map[string]map[string]string{
	"de": {"home": "Start", "dashboard": "Übersicht", "about": "Über uns", "contact": "Kontakt", "play": "Spielen", "audience": "Alle, die %s nutzen"},
	"fr": {"home": "Accueil", "dashboard": "Tableau de bord", "about": "À propos", "contact": "Contact", "play": "Jouer", "audience": "Les personnes qui utilisent %s"},
	"es": {"home": "Inicio", "dashboard": "Panel", "about": "Acerca de", "contact": "Contacto", "play": "Jugar", "audience": "Personas que usan %s"},
	"pt": {"home": "Início", "dashboard": "Painel", "about": "Sobre", "contact": "Contato", "play": "Jogar", "audience": "Pessoas que usam %s"},
	"it": {"home": "Home", "dashboard": "Cruscotto", "about": "Chi siamo", "contact": "Contatti", "play": "Gioca", "audience": "Chi usa %s"},
	"nl": {"home": "Home", "dashboard": "Overzicht", "about": "Over", "contact": "Contact", "play": "Spelen", "audience": "Mensen die %s gebruiken"},
	"zh": {"home": "首页", "dashboard": "仪表盘", "about": "关于", "contact": "联系", "play": "开始", "audience": "%s 的用户"},
	"ja": {"home": "ホーム", "dashboard": "ダッシュボード", "about": "概要", "contact": "お問い合わせ", "play": "プレイ", "audience": "%s の利用者"},
}

func localTitle(lang, key, fallback string) string {
	if t, ok := localTitles[lang][key]; ok {
		return t
	}
	return fallback
}

// rateWords are field words that mean a rating when the records are
// things people rate (books, films, dishes, restaurants) and something
// else otherwise: French "note" is a memo, German "Note" a school grade.
var rateWords = map[string]map[string]string{
	"fr": {"note": "notes", "notes": "notes", "score": "score"},
	"es": {"nota": "notes", "puntuación": "score", "puntuacion": "score", "puntaje": "score"},
	"pt": {"nota": "notes", "pontuação": "score", "pontuacao": "score"},
	"it": {"punteggio": "score"},
	"de": {"note": "score", "punkte": "score", "punktzahl": "score"},
	"nl": {"cijfer": "score", "score": "score"},
}

// ratedThings are the concepts of records people rate.
var ratedThings = set("book", "movie", "recipe", "dish", "restaurant", "wine", "album", "game", "series", "hotel", "product", "course")

// contextConcept settles a field word whose meaning depends on the
// records it describes; other words keep the concept found for them.
func contextConcept(lang, phrase, concept, entity string) string {
	head := phrase
	if ws := strings.Fields(phrase); len(ws) > 1 {
		head = ws[0]
		if lang == "de" || lang == "nl" {
			head = ws[len(ws)-1]
		}
	}
	otherwise, ok := rateWords[lang][head]
	if !ok || head != phrase && concept != "" && concept != otherwise {
		return concept
	}
	if ratedThings[tables.nouns[lang][entity].concept] {
		if head == "notes" {
			return otherwise
		}
		return "rating"
	}
	return otherwise
}
