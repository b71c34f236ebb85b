package stations_test

import (
	"fmt"
	"strings"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/stations"
)

func ExampleParse() {
	file := "id,district,name_en,name_hi,aliases\n" +
		"lko-hazratganj,162,Hazratganj,हजरतगंज,Hazratganj Kotwali|हज़रतगंज\n" +
		"Lko-Chowk,162,Chowk,चौक,\n" +
		"lko-hazratganj,999,Hazratganj,,\n"
	_, err := stations.Parse(strings.NewReader(file))
	fmt.Println(shikayat.ErrorCode(err))
	fmt.Println(shikayat.ErrorMessage(err))
	// Output:
	// invalid
	// The stations file has 3 errors; nothing was imported.
	// line 3: The id "Lko-Chowk" may use only lower-case letters a-z, digits and dashes (not at either end), at most 64 characters, like lko-hazratganj.
	// line 4: The id "lko-hazratganj" is already used on line 2.
	// line 4: The district 999 is not the LGD code of a UP district.
}
