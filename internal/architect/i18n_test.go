package architect

import (
	"regexp"
	"testing"
)

var asciiRoute = regexp.MustCompile(`^/[a-z0-9-]+$`)

func TestForeignPrompts(t *testing.T) {
	t.Parallel()
	cases := []struct {
		lang, prompt, want string
	}{
		{"de", "Eine To-do-App: Aufgaben mit Titel, Fälligkeitsdatum und Priorität (niedrig, mittel, hoch).", "aufgabe: titel, fälligkeitsdatum, priorität"},
		{"de", "Bibliothek: Bücher mit Titel, Autor, Erscheinungsjahr und verfügbar (ja/nein). Mitglieder mit Name und E-Mail.", "buch: titel, autor, erscheinungsjahr, verfügbar; mitglied: name, email"},
		{"de", "Ich möchte meine Ausgaben erfassen: jede Ausgabe hat einen Betrag, eine Kategorie und ein Datum.", "ausgabe: betrag, kategorie, datum"},
		{"fr", "Une application de recettes : chaque recette a un nom, des ingrédients, des instructions et un temps de cuisson (minutes).", "recette: nom, ingrédients, instructions, temps de cuisson"},
		{"fr", "Un CRM : des contacts avec nom, e-mail et téléphone.", "contact: nom, email, téléphone"},
		{"es", "Una aplicación para gastos: registrar gastos con monto, categoría, fecha y notas.", "gasto: monto, categoría, fecha, notas"},
		{"es", "Una app de tareas donde cada tarea tiene título, fecha de vencimiento y prioridad (baja, media, alta).", "tarea: título, fecha de vencimiento, prioridad"},
		{"pt", "Um app de biblioteca: livros com título, autor, ano e disponível (sim/não). Membros com nome e e-mail.", "livro: título, autor, ano, disponível; membro: nome, email"},
		{"pt", "Quero um aplicativo de tarefas com título, prazo e prioridade.", "tarefa: título, prazo, prioridade"},
		{"zh", "一个待办事项应用。每个任务有标题、截止日期和优先级（低、中、高）。", "任务: 标题, 截止日期, 优先级"},
		{"zh", "图书管理系统：书籍（书名、作者、价格）。", "书籍: 书名, 作者, 价格"},
		{"zh", "记账应用，每条支出包括金额、类别、日期和备注。", "支出: 金额, 类别, 日期, 备注"},
		{"ja", "タスク管理アプリ。各タスクにはタイトル、期限、優先度（低、中、高）、完了があります。", "タスク: タイトル, 期限, 優先度, 完了"},
		{"ja", "レシピアプリ。レシピ（名前、材料、作り方、調理時間）を登録できる。", "レシピ: 名前, 材料, 作り方, 調理時間"},
	}
	for _, c := range cases {
		t.Run(c.prompt, func(t *testing.T) {
			t.Parallel()
			p := planFor(t, c.prompt)
			if p.Language != c.lang {
				t.Errorf("language %s, want %s", p.Language, c.lang)
			}
			expectEntities(t, c.prompt, c.want)
			for _, e := range p.Entities {
				if !asciiRoute.MatchString(e.Route()) {
					t.Errorf("%s: route %q is not ASCII", e.Name, e.Route())
				}
			}
		})
	}
}

func TestForeignTyping(t *testing.T) {
	t.Parallel()
	p := planFor(t, "Eine To-do-App: Aufgaben mit Titel, Fälligkeitsdatum und Priorität (niedrig, mittel, hoch). Grünes Farbschema.")
	e, ok := p.Entity("aufgabe")
	if !ok {
		t.Fatalf("entities %v", entityNames(p))
	}
	want := map[string]string{"titel": "text", "fälligkeitsdatum": "date", "priorität": "enum"}
	for _, f := range e.Fields {
		if w, ok := want[f.Name]; ok && string(f.Type) != w {
			t.Errorf("%s is %s, want %s", f.Name, f.Type, w)
		}
	}
	if f, _ := e.Field("priorität"); len(f.Options) != 3 || f.Options[0] != "niedrig" {
		t.Errorf("options %v", f.Options)
	}
	if p.Theme.Primary != "#008000" {
		t.Errorf("theme %+v", p.Theme)
	}
	zh := planFor(t, "一个待办事项应用。每个任务有标题、截止日期和优先级（低、中、高）。")
	task, _ := zh.Entity("任务")
	if task.Ident != "task" || task.Route() != "/tasks" {
		t.Errorf("ident %q route %q", task.Ident, task.Route())
	}
	for _, f := range task.Fields {
		if f.Ident == "" {
			t.Errorf("field %q has no ASCII identifier", f.Name)
		}
	}
}
