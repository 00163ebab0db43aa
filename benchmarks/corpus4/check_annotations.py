import json, glob, os, collections
D=os.path.join(os.path.dirname(os.path.abspath(__file__)),"mt")
def occ(t,n):
    r=[];i=t.find(n)
    while i>=0: r.append(i); i=t.find(n,i+1)
    return r
cats=collections.Counter(); tw=0; bad=0; langs=[]
for f in sorted(glob.glob(D+"/*.txt")):
    t=open(f,encoding="utf-8").read(); j=json.load(open(f[:-4]+".json",encoding="utf-8"))
    langs.append(j["source_language"])
    w=len(t.split()); tw+=w
    seen=set()
    for a in j["annotations"]:
        h=occ(t,a["text"]); o=a.get("occurrence")
        if not h: print("MISSING",f,a["text"]); bad+=1
        elif o is not None and not (1<=o<=len(h)): print("OCC RANGE",f,a["text"],o,len(h)); bad+=1
        elif len(h)>1 and o is None: print("NEED OCC",f,a["text"],len(h)); bad+=1
        for alt in a.get("alternatives",[]):
            if not occ(t,alt): print("ALT MISSING",f,alt); bad+=1
        key=(a["text"],o)
        if key in seen: print("DUP",f,key); bad+=1
        seen.add(key)
        cats[a["category"]]+=1
    print(f"{os.path.basename(f):40s} {j['source_language']:6s} words={w:4d} anns={len(j['annotations'])}", "" if 300<=w<=500 else "<<< WORDS")
print(cats, sum(cats.values()), "words", tw, "langs", len(set(langs)), "bad", bad)
