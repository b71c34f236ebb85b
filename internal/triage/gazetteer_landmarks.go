package triage

// landmarks are well-known places people name instead of a district:
// monuments, stations, stadiums, temples, markets, hospitals and
// universities, as "LGD|name|name|…" (localPlaces carries more). They are
// places as localities are: spelt exactly, never one letter off.
const landmarks = `
162|ekana stadium|ekana|इकाना|इकाना स्टेडियम|ekana cricket stadium|bharat ratna shri atal bihari vajpayee ekana cricket stadium
162|kgmu|king george medical university|केजीएमयू|sgpgi|pgi lucknow|एसजीपीजीआई|lohia hospital lucknow|bara imambara|बड़ा इमामबाड़ा|chota imambara|rumi darwaza|रूमी दरवाजा|lucknow university|लखनऊ विश्वविद्यालय|gomti riverfront|ambedkar park
157|green park stadium|green park kanpur|ग्रीन पार्क|iit kanpur|आईआईटी कानपुर|kanpur central|कानपुर सेंट्रल|hallet hospital|हैलट|bada chauraha kanpur
187|kashi vishwanath|kashi vishwanath temple|काशी विश्वनाथ|vishwanath dham|bhu|banaras hindu university|बीएचयू|dashashwamedh|dashashwamedh ghat|दशाश्वमेध|assi ghat|अस्सी घाट|manikarnika|मणिकर्णिका|sankat mochan|संकट मोचन|varanasi cantt|वाराणसी कैंट|godowlia|गोदौलिया
167|banke bihari|banke bihari temple|बांके बिहारी|prem mandir|प्रेम मंदिर|krishna janmabhoomi|कृष्ण जन्मभूमि|iskcon vrindavan
118|agra fort|आगरा किला|agra cantt|आगरा कैंट|sikandra|सिकंदरा|fatehpur sikri|फतेहपुर सीकरी
120|prayagraj junction|प्रयागराज जंक्शन|allahabad university|इलाहाबाद विश्वविद्यालय|triveni sangam|त्रिवेणी संगम|anand bhawan|आनंद भवन|swaroop rani hospital
140|hanumangarhi|हनुमानगढ़ी|ram mandir ayodhya|राम मंदिर अयोध्या|ayodhya dham junction
148|gorakhnath mandir|gorakhnath temple|गोरखनाथ मंदिर|brd medical college|बीआरडी मेडिकल कॉलेज|gorakhpur junction
144|botanical garden noida|dlf mall of india|mall of india|sector 18 market|atta market|अट्टा मार्केट|pari chowk|परी चौक|buddh international circuit
145|ghaziabad junction|hindon airport|kaushambi metro|vaishali metro
169|meerut cantt|मेरठ कैंट|begumpul|बेगमपुल|abu lane
119|amu|aligarh muslim university|अलीगढ़ मुस्लिम यूनिवर्सिटी
171|moradabad junction|मुरादाबाद जंक्शन
153|jhansi fort|झांसी का किला|virangana lakshmibai junction
`
