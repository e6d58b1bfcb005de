from okrlint.cli import main

main()
