package triage

// falseFriends are ordinary words and phrases of Hindi, Hinglish and
// English that look like places: "प्रयास" (an effort) is one letter from
// प्रयाग, "बार-बार" (again and again) romanises to a town of Kheri,
// "jhanse me le ke" (to con) is one letter from Jhansi, "ETA" sounds like
// Etah, "Sri Lanka" holds Varanasi's Lanka. They are never taken as places.
var falseFriends = phrases(
	// Hindi
	"प्रयास", "प्रयासों", "प्रयासरत", "प्रयोग", "बार बार", "बार-बार", "एक बार", "कई बार", "हर बार", "पहली बार",
	"दूसरी बार", "तीसरी बार", "इस बार", "अबकी बार", "झांसा", "झांसे", "झांसा देकर", "श्री लंका", "श्रीलंका",
	// Hinglish
	"baar baar", "bar bar", "baar-baar", "ek baar", "kai baar", "har baar", "is baar", "jhansa", "jhanse", "jhaanse", "jhaansa",
	"prayas", "prayaas", "prayason",
	// English
	"eta", "etas", "sri lanka", "shri lanka", "srilanka", "sri lankan",
)
