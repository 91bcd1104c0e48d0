import ArgumentParser
ECSRole.main()
