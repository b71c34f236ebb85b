package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/stations"
)

func runStations(ctx context.Context, args []string, io stdio) error {
	if len(args) == 0 || args[0] != "import" {
		fmt.Fprintln(io.err, "usage: shikayat stations import [--db DSN] FILE.csv")
		return errUsage
	}
	fs := flag.NewFlagSet("stations import", flag.ContinueOnError)
	fs.SetOutput(io.err)
	dsn := fs.String("db", dbFlagDefault(), "database: sqlite:FILE or postgres://… (env SHIKAYAT_DB)")
	if err := fs.Parse(args[1:]); err != nil {
		return errUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(io.err, "usage: shikayat stations import [--db DSN] FILE.csv")
		return errUsage
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return shikayat.Errorf(shikayat.EINVALID, "Cannot open %s: %v", fs.Arg(0), err)
	}
	defer f.Close()
	list, err := stations.Parse(f)
	if err != nil {
		return fmt.Errorf("%s: %w; nothing was imported", fs.Arg(0), err)
	}
	units := stationUnits(list)
	db, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	created, updated, err := db.ImportStations(ctx, units)
	if err != nil {
		return fmt.Errorf("%s: %w; nothing was imported", fs.Arg(0), err)
	}
	fmt.Fprintf(io.out, "imported %d stations: %d new, %d updated\n", len(units), created, updated)
	return nil
}

// stationUnits turns parsed stations into units of the tree.
func stationUnits(list []stations.Station) []*shikayat.Unit {
	units := make([]*shikayat.Unit, len(list))
	for i, st := range list {
		u := &shikayat.Unit{
			ID: shikayat.StationUnitID(st.ID), Kind: shikayat.UnitStation, Name: st.NameEn,
			NameHi: st.NameHi, LGD: st.District, Aliases: st.Aliases,
		}
		if st.Lat != nil && st.Lon != nil {
			u.Lat, u.Lon = *st.Lat, *st.Lon
		}
		units[i] = u
	}
	return units
}
