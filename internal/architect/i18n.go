package architect

var foreignSingular = map[string]map[string]string{}
var foreignPlural = map[string]map[string]string{}

func typeForeignField(it item, entity, lang string) (fieldDraft, bool) {
	return typeField(it, entity, "en")
}

func (m *model) readForeign() {}
