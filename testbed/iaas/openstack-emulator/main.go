// Command openstack-emulator serves goose's OpenStack test doubles (gopkg.in/goose.v1/testservices,
// from Debian's golang-gopkg-goose.v1-dev) on one loopback port for the testbed: Keystone v3
// password authentication at /v3/auth/tokens and Nova at /v2/<project id>/, listed in the token's
// catalogue as the "compute" service.
//
// goose v1's Nova double lacks four things the node-pool autoscaler and the testbed's joiner need;
// this main adds them around it and changes nothing else:
//
//  1. user_data: the double drops it from POST /servers. Here it is checked as Nova checks it
//     (Base64, at most 65535 characters, else 400 badRequest) and kept, and server details show it
//     as "OS-EXT-SRV-ATTR:user_data" (what real Nova shows an admin from microversion 2.3).
//  2. BUILD: the double creates servers ACTIVE at once. Here a server reads BUILD (task state
//     spawning) for -build-time after its creation, then ACTIVE (or ERROR, see 4).
//  3. Field names: the double serialises server details with Go's field names ("Name", "Status",
//     "Metadata", ...); real Nova's are lower case ("name", "status", "metadata"). Here the first
//     letter of each server field is lowered.
//  4. Faults: nothing in the double answers a boot with Nova's quota error or makes a server go
//     ERROR. POST /testbed/faults queues one (a status and message for the next boots of an
//     owner's servers, or "build":"ERROR" with a fault message), applied through the double's own
//     control hook on addServer. POST /testbed/expire-tokens gives the user a new token, so that
//     clients holding the old one get 401 and must authenticate again.
//
// Also: the double's maps are not safe for concurrent requests, so every request runs under one
// lock.
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"io/ioutil"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"gopkg.in/goose.v1/nova"
	"gopkg.in/goose.v1/testservices/hook"
	"gopkg.in/goose.v1/testservices/identityservice"
	"gopkg.in/goose.v1/testservices/novaservice"
)

// ownerKey is the metadata key that names a server's owner (the autoscaler's owner id).
const ownerKey = "container-cloud.io/owner"

// userDataLimit is Nova's maxLength of the Base64-encoded user_data.
const userDataLimit = 65535

var serverPath = regexp.MustCompile(`^/v2/[^/]+/servers(/detail|/[^/]+)?$`)

// fault is one queued failure for the next boots of an owner's servers.
type fault struct {
	Owner      string `json:"owner"`
	Status     int    `json:"status"`
	Name       string `json:"name"`
	Message    string `json:"message"`
	RetryAfter string `json:"retryAfter"`
	Build      string `json:"build"`
	Times      int    `json:"times"`
}

// faultError is a queued fault answered as Nova's fault body; the double serves errors that are
// http.Handlers as they are.
type faultError struct{ f fault }

func (e faultError) Error() string { return e.f.Message }

func (e faultError) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := e.f.Name
	if name == "" {
		name = map[int]string{403: "forbidden", 413: "overLimit", 429: "overLimit", 503: "serviceUnavailable"}[e.f.Status]
	}
	body, _ := json.Marshal(map[string]interface{}{name: map[string]interface{}{"code": e.f.Status, "message": e.f.Message}})
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	if e.f.RetryAfter != "" {
		w.Header().Set("Retry-After", e.f.RetryAfter)
	}
	w.WriteHeader(e.f.Status)
	w.Write(body)
}

// emulator is the double plus what it lacks (see the package comment).
type emulator struct {
	mu        sync.Mutex
	mux       *http.ServeMux
	identity  *identityservice.V3UserPass
	user      string
	password  string
	project   string
	buildTime time.Duration
	faults    []fault
	userData  map[string]string
	created   map[string]time.Time
	failed    map[string]string
}

func (e *emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch {
	case r.URL.Path == "/testbed/faults" && r.Method == "POST":
		e.addFault(w, r)
	case r.URL.Path == "/testbed/expire-tokens" && r.Method == "POST":
		e.identity.AddUser(e.user, e.password, e.project, "default")
		w.WriteHeader(http.StatusNoContent)
	case serverPath.MatchString(r.URL.Path) && strings.HasSuffix(r.URL.Path, "/servers") && r.Method == "POST":
		e.boot(w, r)
	case serverPath.MatchString(r.URL.Path) && r.Method == "GET":
		e.details(w, r)
	case serverPath.MatchString(r.URL.Path) && r.Method == "DELETE":
		rec := httptest.NewRecorder()
		e.mux.ServeHTTP(rec, r)
		if rec.Code == http.StatusNoContent {
			id := r.URL.Path[strings.LastIndex(r.URL.Path, "/")+1:]
			delete(e.userData, id)
			delete(e.created, id)
			delete(e.failed, id)
		}
		copyResponse(w, rec, rec.Body.Bytes())
	default:
		e.mux.ServeHTTP(w, r)
	}
}

func (e *emulator) addFault(w http.ResponseWriter, r *http.Request) {
	var f fault
	if err := json.NewDecoder(r.Body).Decode(&f); err != nil || (f.Status == 0 && f.Build == "") {
		http.Error(w, "give {owner, status, message[, name, retryAfter, times]} or {owner, build: ERROR, message}", 400)
		return
	}
	if f.Times < 1 {
		f.Times = 1
	}
	e.faults = append(e.faults, f)
	w.WriteHeader(http.StatusNoContent)
}

// addServerHook runs inside the double's addServer (its control point) with the new server.
func (e *emulator) addServerHook(sc hook.ServiceControl, args ...interface{}) error {
	server := args[0].(*nova.ServerDetail)
	for i := range e.faults {
		f := &e.faults[i]
		if f.Owner != server.Metadata[ownerKey] {
			continue
		}
		f.Times--
		if f.Times == 0 {
			e.faults = append(e.faults[:i], e.faults[i+1:]...)
		}
		if f.Build == "ERROR" {
			e.failed[server.Id] = f.Message
			return nil
		}
		return faultError{*f}
	}
	return nil
}

func (e *emulator) boot(w http.ResponseWriter, r *http.Request) {
	body, err := ioutil.ReadAll(r.Body)
	if err != nil {
		return
	}
	var req struct {
		Server struct {
			UserData *string `json:"user_data"`
		} `json:"server"`
	}
	_ = json.Unmarshal(body, &req)
	if ud := req.Server.UserData; ud != nil {
		if _, err := base64.StdEncoding.DecodeString(*ud); err != nil || len(*ud) > userDataLimit {
			faultError{fault{Status: 400, Name: "badRequest",
				Message: "Invalid input for field/attribute user_data. Value: is not a base64 string of at most 65535 characters"}}.ServeHTTP(w, r)
			return
		}
	}
	r.Body = ioutil.NopCloser(bytes.NewReader(body))
	rec := httptest.NewRecorder()
	e.mux.ServeHTTP(rec, r)
	if rec.Code == http.StatusAccepted {
		var resp struct {
			Server struct {
				ID string `json:"id"`
			} `json:"server"`
		}
		if json.Unmarshal(rec.Body.Bytes(), &resp) == nil {
			e.created[resp.Server.ID] = time.Now()
			if req.Server.UserData != nil {
				e.userData[resp.Server.ID] = *req.Server.UserData
			}
		}
	}
	copyResponse(w, rec, rec.Body.Bytes())
}

func (e *emulator) details(w http.ResponseWriter, r *http.Request) {
	rec := httptest.NewRecorder()
	e.mux.ServeHTTP(rec, r)
	body := rec.Body.Bytes()
	var doc map[string]interface{}
	if rec.Code == http.StatusOK && json.Unmarshal(body, &doc) == nil {
		if one, ok := doc["server"].(map[string]interface{}); ok {
			doc["server"] = e.amend(one)
		}
		if many, ok := doc["servers"].([]interface{}); ok {
			for i, s := range many {
				if m, ok := s.(map[string]interface{}); ok {
					many[i] = e.amend(m)
				}
			}
		}
		body, _ = json.Marshal(doc)
	}
	copyResponse(w, rec, body)
}

// amend gives one server's JSON real Nova's field names, its status and its user data.
func (e *emulator) amend(server map[string]interface{}) map[string]interface{} {
	out := make(map[string]interface{}, len(server)+2)
	for k, v := range server {
		if k != "" && !strings.Contains(k, ":") {
			k = string(unicode.ToLower(rune(k[0]))) + k[1:]
		}
		out[k] = v
	}
	// The double writes numeric ids as JSON numbers; Nova's ids are strings.
	id := fmt.Sprint(out["id"])
	out["id"] = id
	if created, ok := e.created[id]; ok && out["status"] != nil {
		if time.Since(created) < e.buildTime {
			out["status"] = "BUILD"
			out["OS-EXT-STS:task_state"] = "spawning"
		} else if message, failed := e.failed[id]; failed {
			out["status"] = "ERROR"
			out["fault"] = map[string]interface{}{"code": 500, "message": message, "created": created.UTC().Format(time.RFC3339)}
		}
	}
	if ud, ok := e.userData[id]; ok {
		out["OS-EXT-SRV-ATTR:user_data"] = ud
	}
	return out
}

func copyResponse(w http.ResponseWriter, rec *httptest.ResponseRecorder, body []byte) {
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rec.Code)
	w.Write(body)
}

func main() {
	listen := flag.String("listen", "127.0.0.1:15300", "address to serve on (loopback)")
	user := flag.String("user", "admin", "the user that may authenticate")
	passwordFile := flag.String("password-file", "", "file holding the user's password")
	project := flag.String("project", "admin", "the user's project")
	region := flag.String("region", "RegionOne", "the region of the catalogue's endpoints")
	buildTime := flag.Duration("build-time", time.Second, "how long a new server reads BUILD")
	flag.Parse()
	password, err := ioutil.ReadFile(*passwordFile)
	if err != nil {
		log.Fatalf("-password-file: %v", err)
	}
	base := "http://" + *listen
	identity := identityservice.NewV3UserPass()
	info := identity.AddUser(*user, strings.TrimSpace(string(password)), *project, "default")
	compute := novaservice.New(base, "v2", info.TenantId, *region, identity, nil)
	compute.RegionID = *region
	// The catalogue was built before RegionID was set: register the endpoints again with it.
	identity = identityservice.NewV3UserPass()
	identity.AddUser(*user, strings.TrimSpace(string(password)), *project, "default")
	identity.RegisterServiceProvider("nova", "compute", compute)
	compute.IdentityService = identity
	e := &emulator{
		mux: http.NewServeMux(), identity: identity, user: *user, project: *project,
		password: strings.TrimSpace(string(password)), buildTime: *buildTime,
		userData: map[string]string{}, created: map[string]time.Time{}, failed: map[string]string{},
	}
	compute.RegisterControlPoint("addServer", e.addServerHook)
	identity.SetupHTTP(e.mux)
	compute.SetupHTTP(e.mux)
	compute.SetupRootHandler(e.mux)
	fmt.Fprintf(os.Stderr, "goose OpenStack emulator: identity %s/v3, compute %s/v2/%s\n", base, base, info.TenantId)
	log.Fatal(http.ListenAndServe(*listen, e))
}
