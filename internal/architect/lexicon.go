package architect

import (
	"strings"

	"github.com/nexusgen/nexusgen/internal/prd"
)

// hint is what the lexicon knows about a field word.
type hint struct {
	typ     prd.FieldType
	unit    string
	min     *float64
	max     *float64
	options []string
	rename  string
}

func num(v float64) *float64 { return &v }

func h(t prd.FieldType) hint { return hint{typ: t} }

func hUnit(t prd.FieldType, unit string) hint { return hint{typ: t, unit: unit} }

func hRange(t prd.FieldType, lo, hi float64) hint { return hint{typ: t, min: num(lo), max: num(hi)} }

func hMin(t prd.FieldType, lo float64) hint { return hint{typ: t, min: num(lo)} }

func hEnum(opts ...string) hint { return hint{typ: prd.Enum, options: opts} }

// phraseHints type whole field phrases; they win over the head word.
var phraseHints = map[string]hint{
	"saved so far": h(prd.Money), "amount saved": h(prd.Money), "saved": h(prd.Money), "times": hMin(prd.Number, 0),
	"ph": hRange(prd.Number, 0, 14), "ammonia": hUnit(prd.Number, "ppm"), "nitrite": hUnit(prd.Number, "ppm"), "nitrate": hUnit(prd.Number, "ppm"),
	"due date": h(prd.Date), "time spent": hUnit(prd.Number, "minutes"), "money spent": h(prd.Money), "due": h(prd.Date), "deadline": h(prd.Date), "time slot": h(prd.Time),
	"check-in": h(prd.Date), "check-out": h(prd.Date), "check in": h(prd.Date), "check out": h(prd.Date), "checkin": h(prd.Date), "checkout": h(prd.Date),
	"arrival": h(prd.Date), "departure": h(prd.Date), "pickup": h(prd.Date), "pick-up": h(prd.Date), "drop-off": h(prd.Date),
	"prep time": hUnit(prd.Number, "minutes"), "preparation time": hUnit(prd.Number, "minutes"), "cook time": hUnit(prd.Number, "minutes"),
	"cooking time": hUnit(prd.Number, "minutes"), "baking time": hUnit(prd.Number, "minutes"), "bake time": hUnit(prd.Number, "minutes"),
	"total time": hUnit(prd.Number, "minutes"), "run time": hUnit(prd.Number, "minutes"), "runtime": hUnit(prd.Number, "minutes"),
	"reading time": hUnit(prd.Number, "minutes"), "travel time": hUnit(prd.Number, "minutes"), "wait time": hUnit(prd.Number, "minutes"),
	"waiting time": hUnit(prd.Number, "minutes"), "screen time": hUnit(prd.Number, "minutes"), "playing time": hUnit(prd.Number, "minutes"),
	"bedtime": h(prd.Time), "wake time": h(prd.Time), "wake-up time": h(prd.Time), "vintage": hRange(prd.Number, 1800, 2100),
	"start time": h(prd.Time), "end time": h(prd.Time), "opening time": h(prd.Time), "closing time": h(prd.Time),
	"clock in time": h(prd.Time), "clock out time": h(prd.Time), "check in time": h(prd.Time), "check out time": h(prd.Time),
	"time of day": h(prd.Time), "departure time": h(prd.Time), "arrival time": h(prd.Time),
	"phone number": h(prd.Phone), "mobile number": h(prd.Phone), "telephone number": h(prd.Phone),
	"contact number": h(prd.Phone), "email address": h(prd.Email), "e-mail address": h(prd.Email),
	"unit price": h(prd.Money), "sale price": h(prd.Money), "salary range": h(prd.Text),
	"price range": h(prd.Text), "published year": hMin(prd.Number, 0), "year published": hMin(prd.Number, 0),
	"publication year": hMin(prd.Number, 0), "release year": hMin(prd.Number, 0), "year built": hMin(prd.Number, 0),
	"square meters": hUnit(prd.Number, "m²"), "square metres": hUnit(prd.Number, "m²"), "square feet": hUnit(prd.Number, "sq ft"),
	"sq ft": hUnit(prd.Number, "sq ft"), "cover image": h(prd.ImageURL), "cover": h(prd.ImageURL),
	"profile picture": h(prd.ImageURL), "profile photo": h(prd.ImageURL), "weekly target": hMin(prd.Number, 0),
	"daily goal": hMin(prd.Number, 0), "daily target": hMin(prd.Number, 0), "monthly budget": h(prd.Money),
	"correct answer": h(prd.Text), "answer options": h(prd.Tags), "options": h(prd.Tags), "choices": h(prd.Tags),
	"date of birth": h(prd.Date), "birth date": h(prd.Date), "start date": h(prd.Date), "end date": h(prd.Date),
	"credit score": hRange(prd.Number, 300, 850), "zip code": h(prd.Text), "postal code": h(prd.Text),
	"post code": h(prd.Text), "website": h(prd.URL), "homepage": h(prd.URL), "availability": {typ: prd.Boolean, rename: "available"},
	"in stock": h(prd.Boolean), "on sale": h(prd.Boolean), "yes no": h(prd.Boolean), "id": h(prd.Text),
	"number": h(prd.Text), "isbn": h(prd.Text), "sku": h(prd.Text), "code": h(prd.Text),
	"serial number": h(prd.Text), "order number": h(prd.Text), "invoice number": h(prd.Text),
	"license plate": h(prd.Text), "account number": h(prd.Text), "tracking number": h(prd.Text),
	"room number": h(prd.Text), "seat number": h(prd.Text), "flight number": h(prd.Text),
	"battery percentage": hRange(prd.Number, 0, 100), "percentage": hRange(prd.Number, 0, 100),
	"percent": hRange(prd.Number, 0, 100), "progress": hRange(prd.Number, 0, 100),
	"air quality index": hMin(prd.Number, 0), "aqi": hMin(prd.Number, 0), "body": h(prd.LongText),
	"markdown body": h(prd.LongText), "message": h(prd.LongText), "bio": h(prd.LongText),
	"personal information": h(prd.LongText), "contact information": h(prd.Text), "contact info": h(prd.Text),
	"skills": h(prd.Tags), "tags": h(prd.Tags), "keywords": h(prd.Tags), "labels": h(prd.Tags),
	"qualifications": h(prd.Tags), "certifications": h(prd.Tags), "interests": h(prd.Tags), "amenities": h(prd.Tags),
	"genres": h(prd.Tags), "categories": h(prd.Tags), "allergens": h(prd.Tags), "features": h(prd.Tags),
	"ingredients": h(prd.LongText), "instructions": h(prd.LongText), "steps": h(prd.LongText), "directions": h(prd.LongText),
	"duration": hUnit(prd.Number, "minutes"), "length": h(prd.Number), "rating": hRange(prd.Rating, 1, 5),
	"stars": hRange(prd.Rating, 1, 5), "my rating": hRange(prd.Rating, 1, 5), "score": hMin(prd.Number, 0),
	"priority": hEnum("low", "medium", "high"), "difficulty": hEnum("easy", "medium", "hard"),
	"difficulty level": hEnum("easy", "medium", "hard"), "skill level": hEnum("beginner", "intermediate", "advanced"),
	"level": hEnum("beginner", "intermediate", "advanced"), "severity": hEnum("low", "medium", "high", "critical"),
	"size": hEnum("small", "medium", "large"), "frequency": hEnum("daily", "weekly", "monthly"),
	"condition": h(prd.Text), "item condition": hEnum("new", "like new", "good", "fair"), "visibility": hEnum("public", "private"),
	"mood": hEnum("great", "good", "okay", "low", "bad"), "payment method": hEnum("cash", "card", "bank transfer"),
	"urgency": hEnum("low", "medium", "high"), "risk level": hEnum("low", "medium", "high"),
	"name": h(prd.Text), "title": h(prd.Text), "full name": h(prd.Text), "first name": h(prd.Text),
	"last name": h(prd.Text), "username": h(prd.Text), "nickname": h(prd.Text), "subject": h(prd.Text),
	"author": h(prd.Text), "company": h(prd.Text), "address": h(prd.Text), "city": h(prd.Text),
	"country": h(prd.Text), "category": h(prd.Text), "type": h(prd.Text), "genre": h(prd.Text),
	"brand": h(prd.Text), "model": h(prd.Text), "make": h(prd.Text), "species": h(prd.Text),
	"breed": h(prd.Text), "department": h(prd.Text), "role": h(prd.Text), "supplier": h(prd.Text),
	"vendor": h(prd.Text), "assignee": h(prd.Text), "owner": h(prd.Text), "source": h(prd.Text),
	"destination": h(prd.Text), "venue": h(prd.Text), "instructor": h(prd.Text), "artist": h(prd.Text),
	"director": h(prd.Text), "school": h(prd.Text), "degree": h(prd.Text), "campaign": h(prd.Text),
	"customer": h(prd.Text), "client": h(prd.Text), "team": h(prd.Text), "sport": h(prd.Text),
	"cuisine": h(prd.Text), "industry": h(prd.Text), "occupation": h(prd.Text), "specialty": h(prd.Text),
	"stage": hEnum("lead", "proposal", "won", "lost"), "state": h(prd.Text), "region": h(prd.Text),
	"week": hMin(prd.Number, 1), "downloads": hMin(prd.Number, 0), "games played": hMin(prd.Number, 0),
	"followers": hMin(prd.Number, 0), "shares": hMin(prd.Number, 0), "chips": hMin(prd.Number, 0),
	"gender": h(prd.Text), "color": h(prd.Text), "colour": h(prd.Text), "notes": h(prd.LongText), "note": h(prd.LongText),
	"last watered": h(prd.Date), "last contacted": h(prd.Date), "last visit": h(prd.Date), "last service": h(prd.Date),
	"date of visit": h(prd.Date), "visit date": h(prd.Date), "guests": hMin(prd.Number, 1), "party size": hMin(prd.Number, 1),
	"number of guests": hMin(prd.Number, 1), "seats": hMin(prd.Number, 0), "capacity": hMin(prd.Number, 0),
	"age": hRange(prd.Number, 0, 130), "year": hMin(prd.Number, 0), "pages": hMin(prd.Number, 0),
	"bedrooms": hMin(prd.Number, 0), "bathrooms": hMin(prd.Number, 0), "servings": hMin(prd.Number, 1),
	"hours": hMin(prd.Number, 0), "minutes": hMin(prd.Number, 0), "calories": hUnit(prd.Number, "kcal"),
	"weight": hUnit(prd.Number, "kg"), "height": hUnit(prd.Number, "cm"), "distance": hUnit(prd.Number, "km"),
	"temperature": hUnit(prd.Number, "°C"), "humidity": {typ: prd.Number, unit: "%", min: num(0), max: num(100)},
	"stock": hMin(prd.Number, 0), "quantity": hMin(prd.Number, 0), "qty": hMin(prd.Number, 0),
	"quantity in stock": hMin(prd.Number, 0), "stock level": hMin(prd.Number, 0), "inventory": hMin(prd.Number, 0),
	"population": hMin(prd.Number, 0), "votes": hMin(prd.Number, 0), "likes": hMin(prd.Number, 0),
	"views": hMin(prd.Number, 0), "points": hMin(prd.Number, 0), "wins": hMin(prd.Number, 0), "losses": hMin(prd.Number, 0),
	"goals": hMin(prd.Number, 0), "assists": hMin(prd.Number, 0), "reps": hMin(prd.Number, 0), "sets": hMin(prd.Number, 0),
	"attendees": hMin(prd.Number, 0), "members": hMin(prd.Number, 0), "employees": hMin(prd.Number, 0),
	"mileage": hUnit(prd.Number, "km"), "odometer": hUnit(prd.Number, "km"), "nights": hMin(prd.Number, 1),
	"days": hMin(prd.Number, 0), "weeks": hMin(prd.Number, 0), "rooms": hMin(prd.Number, 0),
	"floor": h(prd.Number), "rank": hMin(prd.Number, 1), "position": h(prd.Text), "location": h(prd.Text),
	"image": h(prd.ImageURL), "photo": h(prd.ImageURL), "photos": h(prd.ImageURL), "picture": h(prd.ImageURL),
	"pictures": h(prd.ImageURL), "thumbnail": h(prd.ImageURL), "avatar": h(prd.ImageURL), "logo": h(prd.ImageURL),
	"poster": h(prd.ImageURL), "headshot": h(prd.ImageURL), "screenshot": h(prd.ImageURL), "banner": h(prd.ImageURL),
	"url": h(prd.URL), "link": h(prd.URL), "links": h(prd.URL), "video": h(prd.URL), "video link": h(prd.URL),
	"audio sample": h(prd.URL), "attachment": h(prd.URL), "resume": h(prd.URL), "cv": h(prd.URL), "pdf": h(prd.URL),
	"portfolio link": h(prd.URL), "youtube link": h(prd.URL), "map link": h(prd.URL),
	"email": h(prd.Email), "e-mail": h(prd.Email), "phone": h(prd.Phone), "mobile": h(prd.Phone), "telephone": h(prd.Phone),
	"tel": h(prd.Phone), "whatsapp": h(prd.Phone), "fax": h(prd.Phone),
	// Rates that are not prices (a bare "rate" or "hourly rate" is money).
	"crime rate": hMin(prd.Number, 0), "interest rate": hUnit(prd.Number, "%"), "tax rate": hUnit(prd.Number, "%"),
	"growth rate": hUnit(prd.Number, "%"), "conversion rate": hUnit(prd.Number, "%"), "success rate": hUnit(prd.Number, "%"),
	"error rate": hUnit(prd.Number, "%"), "bounce rate": hUnit(prd.Number, "%"), "churn rate": hUnit(prd.Number, "%"),
	"occupancy rate": hUnit(prd.Number, "%"), "vacancy rate": hUnit(prd.Number, "%"), "completion rate": hUnit(prd.Number, "%"),
	"attendance rate": hUnit(prd.Number, "%"), "unemployment rate": hUnit(prd.Number, "%"), "win rate": hUnit(prd.Number, "%"),
	"birth rate": hMin(prd.Number, 0), "exchange rate": hMin(prd.Number, 0), "heart rate": hUnit(prd.Number, "bpm"),
	"resting heart rate": hUnit(prd.Number, "bpm"), "frame rate": hUnit(prd.Number, "fps"),
}

// headHints type a field by its last word when the whole phrase is unknown.
var headHints = map[string]hint{
	"date": h(prd.Date), "day": h(prd.Date), "birthday": h(prd.Date), "anniversary": h(prd.Date),
	"dob": h(prd.Date), "deadline": h(prd.Date), "time": h(prd.Time), "slot": h(prd.Time),
	"price": h(prd.Money), "cost": h(prd.Money), "costs": h(prd.Money), "amount": h(prd.Money), "fee": h(prd.Money),
	"fees": h(prd.Money), "salary": h(prd.Money), "wage": h(prd.Money), "budget": h(prd.Money), "revenue": h(prd.Money),
	"income": h(prd.Money), "expense": h(prd.Money), "expenses": h(prd.Money), "rent": h(prd.Money), "total": h(prd.Money),
	"balance": h(prd.Money), "value": h(prd.Money), "payment": h(prd.Money), "deposit": h(prd.Money), "tip": h(prd.Money),
	"donation": h(prd.Money), "subtotal": h(prd.Money), "tax": h(prd.Money), "discount": h(prd.Money), "rate": h(prd.Money),
	"premium": h(prd.Money), "bid": h(prd.Money), "profit": h(prd.Money), "spend": h(prd.Money), "spent": h(prd.Money),
	"bill": h(prd.Money), "charge": h(prd.Money), "fare": h(prd.Money), "commission": h(prd.Money), "refund": h(prd.Money),
	"count": hMin(prd.Number, 0), "quantity": hMin(prd.Number, 0), "number": hMin(prd.Number, 0), "total count": hMin(prd.Number, 0),
	"duration": hUnit(prd.Number, "minutes"), "minutes": hMin(prd.Number, 0), "hours": hMin(prd.Number, 0),
	"target": hMin(prd.Number, 0), "goal": hMin(prd.Number, 0), "limit": hMin(prd.Number, 0), "capacity": hMin(prd.Number, 0),
	"score": hMin(prd.Number, 0), "points": hMin(prd.Number, 0), "level": hMin(prd.Number, 0), "year": hMin(prd.Number, 0),
	"age": hRange(prd.Number, 0, 130), "size": h(prd.Number), "area": h(prd.Number), "weight": hUnit(prd.Number, "kg"),
	"height": hUnit(prd.Number, "cm"), "width": hUnit(prd.Number, "cm"), "depth": hUnit(prd.Number, "cm"),
	"distance": hUnit(prd.Number, "km"), "speed": h(prd.Number), "temperature": hUnit(prd.Number, "°C"),
	"consumption": h(prd.Number), "generation": h(prd.Number), "output": h(prd.Number), "usage": h(prd.Number),
	"percentage": hRange(prd.Number, 0, 100), "percent": hRange(prd.Number, 0, 100), "ratio": h(prd.Number),
	"index": h(prd.Number), "reading": h(prd.Number), "level percent": hRange(prd.Number, 0, 100),
	"interval": hUnit(prd.Number, "days"), "frequency": hUnit(prd.Number, "days"), "stock": hMin(prd.Number, 0),
	"rating": hRange(prd.Rating, 1, 5), "stars": hRange(prd.Rating, 1, 5),
	"description": h(prd.LongText), "notes": h(prd.LongText), "note": h(prd.LongText), "comments": h(prd.LongText),
	"comment": h(prd.LongText), "summary": h(prd.LongText), "content": h(prd.LongText), "body": h(prd.LongText),
	"text": h(prd.LongText), "details": h(prd.LongText), "instructions": h(prd.LongText), "bio": h(prd.LongText),
	"biography": h(prd.LongText), "review": h(prd.LongText), "feedback": h(prd.LongText), "message": h(prd.LongText),
	"story": h(prd.LongText), "abstract": h(prd.LongText), "explanation": h(prd.LongText), "answer": h(prd.LongText),
	"diagnosis": h(prd.LongText), "symptoms": h(prd.LongText), "requirements": h(prd.LongText), "responsibilities": h(prd.LongText),
	"agenda": h(prd.LongText), "minutes text": h(prd.LongText), "recipe": h(prd.LongText), "lyrics": h(prd.LongText),
	"overview": h(prd.LongText), "experience": h(prd.LongText), "education": h(prd.LongText), "remarks": h(prd.LongText),
	"email": h(prd.Email), "phone": h(prd.Phone), "url": h(prd.URL), "link": h(prd.URL), "website": h(prd.URL),
	"image": h(prd.ImageURL), "photo": h(prd.ImageURL), "photos": h(prd.ImageURL), "picture": h(prd.ImageURL),
	"tags": h(prd.Tags), "skills": h(prd.Tags), "keywords": h(prd.Tags),
	"rsvp status": hEnum("invited", "attending", "declined"), "rsvp": hEnum("invited", "attending", "declined"),
	"status": hEnum("open", "in progress", "done"), "priority": hEnum("low", "medium", "high"),
}

// flagWords are yes/no facts about a record.
var flagWords = set("done", "completed", "complete", "finished", "pinned", "active", "paid",
	"available", "featured", "published", "archived", "visible", "vegetarian", "vegan",
	"gluten-free", "remote", "read", "verified", "approved", "confirmed", "attended", "returned",
	"shipped", "delivered", "resolved", "enabled", "favorite", "favourite", "starred", "public",
	"private", "draft", "urgent", "important", "recurring", "refundable", "spicy", "organic",
	"accessible", "furnished", "sold", "rented", "booked", "cancelled", "canceled", "closed",
	"open", "billable", "reimbursable", "watered", "checked", "present", "absent", "online",
	"veg", "halal", "kosher", "subscribed", "signed", "insured", "certified", "licensed")

// statusOptions are default states for a status field by entity.
var statusOptions = map[string][]string{
	"task": {"to do", "in progress", "done"}, "todo": {"to do", "in progress", "done"}, "guest": {"invited", "attending", "declined"}, "invitee": {"invited", "attending", "declined"},
	"ticket": {"open", "pending", "closed"}, "issue": {"open", "in progress", "closed"},
	"bug": {"open", "in progress", "fixed", "closed"}, "case": {"open", "in progress", "closed"},
	"order":   {"pending", "paid", "shipped", "delivered", "cancelled"},
	"booking": {"pending", "confirmed", "cancelled"}, "appointment": {"pending", "confirmed", "cancelled"},
	"reservation": {"pending", "confirmed", "cancelled"}, "application": {"submitted", "in review", "accepted", "rejected"},
	"lead": {"new", "contacted", "qualified", "lost"}, "invoice": {"draft", "sent", "paid", "overdue"},
	"project": {"planning", "active", "completed"}, "book": {"want to read", "reading", "finished"},
	"claim": {"submitted", "under review", "approved", "rejected"}, "job": {"open", "closed"},
	"policy": {"draft", "active", "expired"}, "request": {"pending", "approved", "rejected"},
	"reimbursement": {"submitted", "approved", "paid", "rejected"}, "leave request": {"pending", "approved", "rejected"},
	"post": {"draft", "published"}, "article": {"draft", "published"}, "product": {"active", "out of stock", "discontinued"},
	"shipment": {"preparing", "in transit", "delivered"}, "card": {"to do", "in progress", "done"},
	"deal": {"lead", "proposal", "won", "lost"}, "call": {"open", "to do", "closed"}, "campaign": {"planned", "active", "ended"},
	"goal": {"not started", "in progress", "achieved"}, "vehicle": {"available", "rented", "maintenance"},
	"room": {"available", "occupied", "cleaning"}, "payment": {"pending", "paid", "failed", "refunded"},
	"donation": {"offered", "collected", "distributed"}, "distribution": {"planned", "delivered"},
	"settlement": {"draft", "submitted", "settled"}, "asset": {"in use", "in storage", "under repair", "retired"},
	"lease": {"active", "expired", "cancelled"}, "survey response": {"new", "reviewed"}, "device": {"online", "offline"}, "patient": {"admitted", "outpatient", "discharged"},
}

var defaultStatus = []string{"open", "in progress", "done"}

// unitWords map unit phrases to the unit shown beside a number.
var unitWords = map[string]string{
	"mètres": "m", "metros": "m", "metri": "m", "meter": "m", "kilomètres": "km", "kilómetros": "km", "kilometri": "km", "quilômetros": "km",
	"heures": "hours", "horas": "hours", "ore": "hours", "minuten": "minutes", "minutos": "minutes", "minuti": "minutes", "stunden": "hours",
	"kilogrammes": "kg", "kilogramos": "kg", "grammes": "g", "gramos": "g", "litros": "l",
	"minutes": "minutes", "minute": "minutes", "mins": "minutes", "min": "minutes", "hours": "hours",
	"hour": "hours", "hrs": "hours", "days": "days", "day": "days", "weeks": "weeks", "months": "months",
	"years": "years", "seconds": "seconds", "secs": "seconds", "km": "km", "kilometers": "km",
	"kilometres": "km", "miles": "miles", "mi": "miles", "meters": "m", "metres": "m", "m": "m",
	"cm": "cm", "kg": "kg", "kilograms": "kg", "kilos": "kg", "lbs": "lb", "pounds": "lb", "lb": "lb",
	"grams": "g", "g": "g", "liters": "l", "litres": "l", "l": "l", "ml": "ml", "kcal": "kcal",
	"calories": "kcal", "kwh": "kWh", "kw": "kW", "watts": "W", "%": "%", "percent": "%",
	"celsius": "°C", "fahrenheit": "°F", "steps": "steps", "pages": "pages", "reps": "reps",
	"mg": "mg", "mcg": "mcg", "degrees": "°", "cups": "cups", "glasses": "glasses", "laps": "laps",
	"sq ft": "sq ft", "square meters": "m²", "square metres": "m²", "m²": "m²", "mph": "mph", "km/h": "km/h",
}

// currencyWords map currency mentions to ISO codes.
var currencyWords = map[string]string{
	"$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD", "€": "EUR", "eur": "EUR", "euro": "EUR",
	"euros": "EUR", "£": "GBP", "gbp": "GBP", "pounds sterling": "GBP", "¥": "JPY", "yen": "JPY",
	"jpy": "JPY", "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "₹": "INR", "inr": "INR", "rupees": "INR",
	"r$": "BRL", "brl": "BRL", "reais": "BRL", "chf": "CHF", "cad": "CAD", "aud": "AUD", "₩": "KRW", "won": "KRW",
}

// languageCurrency is the currency assumed when the prompt names none.
var languageCurrency = map[string]string{"en": "USD", "de": "EUR", "fr": "EUR", "es": "EUR", "it": "EUR", "nl": "EUR", "pt": "BRL", "zh": "CNY", "ja": "JPY", "ko": "KRW"}

func optionsFor(entity string) []string {
	if o, ok := statusOptions[entity]; ok {
		return o
	}
	if i := strings.LastIndex(entity, " "); i >= 0 {
		if o, ok := statusOptions[entity[i+1:]]; ok {
			return o
		}
	}
	return defaultStatus
}
